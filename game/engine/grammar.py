"""The verb grammar: which word patterns mean which action.

Slots in a pattern: OBJ and OBJ2 (a thing in scope), HELD (a thing the player should hold;
taken first when possible), MULTI and MULTIHELD (several things, ALL, EXCEPT), DIR (a
direction), TOPIC and TEXT (free words), ROOM (a room name). Patterns are tried in order.
"""

from __future__ import annotations

from game.model.record import record

SLOTS = frozenset({"OBJ", "OBJ2", "HELD", "MULTI", "MULTIHELD", "DIR", "TOPIC", "TEXT", "ROOM"})

GRAMMAR = """
look | l | look around                                         -> look
x me | examine me | look at me | x myself | examine myself | look at myself | x self | examine self -> self
look at OBJ | l at OBJ | x OBJ | examine OBJ | check OBJ | describe OBJ | inspect OBJ | study OBJ | look OBJ | l OBJ | watch OBJ -> examine
look through OBJ | peer through OBJ | look out OBJ | look out of OBJ | look in OBJ | look inside OBJ | look into OBJ | look under OBJ | look behind OBJ | search OBJ | l in OBJ | rummage in OBJ | rummage through OBJ -> search
search | rummage                                                -> search
look up TOPIC                                                   -> consult
read OBJ | read about OBJ                                       -> read
take off HELD | take HELD off | doff HELD | disrobe HELD | shed HELD | remove HELD from me -> take_off
disrobe | undress                                              -> take_off_all
take MULTI from OBJ | take MULTI out of OBJ | get MULTI from OBJ | get MULTI out of OBJ | remove MULTI from OBJ | pull MULTI out of OBJ -> take_from
pick up MULTI | pick MULTI up | take MULTI | get MULTI | carry MULTI | hold MULTI | grab MULTI | collect MULTI | snatch MULTI -> take
put down MULTIHELD | put MULTIHELD down | drop MULTIHELD | discard MULTIHELD | dump MULTIHELD | leave MULTIHELD -> drop
put on HELD | put HELD on | wear HELD | don HELD                -> wear
put MULTIHELD in OBJ | put MULTIHELD into OBJ | put MULTIHELD inside OBJ | insert MULTIHELD in OBJ | insert MULTIHELD into OBJ | place MULTIHELD in OBJ | stuff MULTIHELD in OBJ -> insert
put MULTIHELD on OBJ | put MULTIHELD onto OBJ | place MULTIHELD on OBJ | set MULTIHELD on OBJ | put MULTIHELD on top of OBJ | lay MULTIHELD on OBJ | lay MULTIHELD across OBJ | put MULTIHELD across OBJ | put MULTIHELD over OBJ | place MULTIHELD across OBJ | place MULTIHELD over OBJ | lay MULTIHELD over OBJ -> put_on
put MULTIHELD under OBJ | put MULTIHELD behind OBJ | put MULTIHELD against OBJ | lean MULTIHELD against OBJ | put MULTIHELD beside OBJ | put MULTIHELD next to OBJ -> put_on
plug HELD into OBJ | plug HELD in OBJ | plug HELD to OBJ | connect HELD to OBJ | connect HELD with OBJ | attach HELD to OBJ | fasten HELD to OBJ | fix HELD to OBJ | hook HELD to OBJ | hook up HELD to OBJ | wire HELD to OBJ | plug in HELD | plug HELD in -> plug
plug OBJ | connect OBJ | attach OBJ | fasten OBJ | fix OBJ      -> plug
remove HELD                                                     -> remove
open OBJ with HELD | unlock OBJ with HELD | unlock OBJ using HELD -> unlock
pry OBJ with HELD | prise OBJ with HELD | prize OBJ with HELD | lever OBJ with HELD | jemmy OBJ with HELD | force OBJ with HELD | pry open OBJ with HELD | prise open OBJ with HELD | pry OBJ open with HELD -> pry
open OBJ | uncover OBJ | unwrap OBJ | pry OBJ | force OBJ | prise OBJ | prize OBJ | lever OBJ | jemmy OBJ | pry open OBJ | prise open OBJ -> open
close OBJ | shut OBJ | cover OBJ                                -> close
lock OBJ with HELD | lock OBJ                                   -> lock
unlock OBJ                                                      -> unlock
turn on OBJ | switch on OBJ | turn OBJ on | switch OBJ on | activate OBJ | start OBJ -> switch_on
turn off OBJ | switch off OBJ | turn OBJ off | switch OBJ off | deactivate OBJ | stop OBJ -> switch_off
light OBJ | ignite OBJ | burn OBJ                               -> light
push OBJ | press OBJ | move OBJ | shove OBJ | shift OBJ | clear OBJ -> push
push OBJ DIR | move OBJ DIR | shove OBJ DIR | pull OBJ DIR | drag OBJ DIR | roll OBJ DIR -> push
pull OBJ | drag OBJ | tug OBJ | yank OBJ                        -> pull
turn OBJ | rotate OBJ | twist OBJ | spin OBJ | tune OBJ | screw OBJ | unscrew OBJ -> turn
attack OBJ with HELD | hit OBJ with HELD | kill OBJ with HELD | fight OBJ with HELD | strike OBJ with HELD | smash OBJ with HELD | break OBJ with HELD -> attack
attack OBJ | hit OBJ | kill OBJ | fight OBJ | smash OBJ | punch OBJ | kick OBJ | strike OBJ | break OBJ | bash OBJ | stab OBJ | shoot OBJ | crack OBJ | destroy OBJ | murder OBJ | thump OBJ | torture OBJ | wreck OBJ -> attack
attack | fight | fight back | hit back                          -> fight
throw HELD at OBJ | throw HELD to OBJ | toss HELD at OBJ | hurl HELD at OBJ -> throw
throw HELD | toss HELD | hurl HELD                              -> throw
give HELD to OBJ | offer HELD to OBJ | hand HELD to OBJ | feed HELD to OBJ | pay HELD to OBJ -> give
give OBJ2 HELD | offer OBJ2 HELD | hand OBJ2 HELD | feed OBJ2 HELD | pay OBJ2 HELD -> give
show HELD to OBJ | present HELD to OBJ | display HELD to OBJ    -> show
show OBJ2 HELD | present OBJ2 HELD | display OBJ2 HELD          -> show
ask OBJ about TOPIC | question OBJ about TOPIC | ask OBJ on TOPIC | ask OBJ for TOPIC -> ask
ask about TOPIC                                                 -> ask
tell OBJ about TOPIC | inform OBJ about TOPIC                   -> tell
talk to OBJ | talk with OBJ | speak to OBJ | speak with OBJ | chat with OBJ | chat to OBJ | greet OBJ | talk OBJ | hello OBJ | hi OBJ -> talk
talk | speak | chat | hello | hi                               -> talk
say TEXT to OBJ | answer TEXT to OBJ                            -> say
say TEXT | answer TEXT | whisper TEXT | reply TEXT              -> say
shout TEXT | yell TEXT | scream TEXT                -> shout
shout | yell | scream | call out                                -> shout
listen to OBJ | listen OBJ                                      -> listen
listen | hear                                                   -> listen
smell OBJ | sniff OBJ                                           -> smell
smell | sniff                                                   -> smell
touch OBJ | feel OBJ | pat OBJ | stroke OBJ | fondle OBJ | grope OBJ | poke OBJ | prod OBJ -> touch
touch | feel                                                    -> touch
taste OBJ | lick OBJ                                            -> taste
eat HELD | consume HELD | devour HELD                           -> eat
drink HELD | sip HELD | swallow HELD | quaff HELD               -> drink
climb up OBJ | climb over OBJ | climb OBJ | scale OBJ | climb on OBJ | climb onto OBJ -> climb
climb                                                           -> climb
jump over OBJ | jump across OBJ | jump on OBJ | jump to OBJ | leap over OBJ | leap across OBJ | jump OBJ -> jump
jump | hop | leap | skip                                        -> jump
jump in OBJ | jump into OBJ | jump off OBJ | jump from OBJ | dive into OBJ -> jump
enter OBJ | get in OBJ | get into OBJ | get on OBJ | go in OBJ | go into OBJ | go inside OBJ | go through OBJ | step into OBJ | crawl into OBJ | crawl in OBJ | crawl through OBJ | cross OBJ | walk through OBJ | go on OBJ | climb in OBJ | climb into OBJ | climb through OBJ -> enter
hide in OBJ | hide behind OBJ | hide under OBJ | hide inside OBJ -> hide
hide                                                            -> hide
go to ROOM | walk to ROOM | run to ROOM | goto ROOM | travel to ROOM | return to ROOM | head to ROOM | find ROOM -> goto
go DIR | walk DIR | run DIR | head DIR | move DIR | crawl DIR | climb DIR | step DIR | proceed DIR | DIR -> go
flee | run | run away | escape | retreat | get away | back away -> flee
follow OBJ                                                      -> follow
wait | z | rest | stay                                          -> wait
sleep | nap                                                     -> sleep
think | ponder | remember | reflect                             -> think
pray                                                            -> pray
sing | hum                                                      -> sing
wave | wave at OBJ | wave to OBJ | wave hand | wave hands | wave OBJ | wave HELD at OBJ -> wave
wake OBJ | wake up OBJ | wake OBJ up | rouse OBJ | awake OBJ | awaken OBJ | awake up OBJ -> wake
kiss OBJ | hug OBJ | embrace OBJ                     -> kiss
free OBJ | release OBJ | untie OBJ                              -> free
dig | dig OBJ | dig in OBJ                                      -> dig
cut OBJ with HELD | slice OBJ with HELD | chop OBJ with HELD | prune OBJ with HELD -> cut
cut OBJ | slice OBJ | chop OBJ | prune OBJ                      -> cut
knock on OBJ | knock OBJ | bang on OBJ                          -> knock
cure OBJ with HELD | heal OBJ with HELD | inject OBJ with HELD | treat OBJ with HELD -> cure
cure OBJ | heal OBJ | inject OBJ | treat OBJ                    -> cure
call OBJ | phone OBJ | radio OBJ                                -> call
pour HELD on OBJ | pour HELD onto OBJ | pour HELD in OBJ | pour HELD into OBJ | pour HELD over OBJ | pour HELD -> pour
fill OBJ with HELD | fill OBJ                                  -> fill
empty OBJ | empty out OBJ | empty OBJ out | empty OBJ into OBJ2 | empty OBJ on OBJ2 | empty OBJ onto OBJ2 -> empty
tie OBJ to OBJ2 | tie OBJ                                       -> tie
sit on OBJ | sit in OBJ | sit by OBJ | sit near OBJ | sit beside OBJ | sit at OBJ | sit down on OBJ | sit down by OBJ | sit down in OBJ | sit on top of OBJ | lie on OBJ | lie in OBJ | lie down on OBJ | lie by OBJ -> sit
sit | sit down                                                  -> sit
lie | lie down                                                  -> lie
stand | stand up                                                -> stand
stand on OBJ                                                    -> sit
get off OBJ | get off | get down | get out                      -> get_off
blow OBJ | blow out OBJ | blow on OBJ                           -> blow
buy OBJ | purchase OBJ                                          -> buy
buy | purchase                                                  -> buy
consult OBJ about TOPIC | consult OBJ on TOPIC | look up TOPIC in OBJ | read about TOPIC in OBJ -> consult
squeeze OBJ | squash OBJ                                        -> squeeze
set OBJ | adjust OBJ                                            -> set
set OBJ to TOPIC | adjust OBJ to TOPIC | tune OBJ to TOPIC | turn OBJ to TOPIC | dial TOPIC on OBJ | dial OBJ to TOPIC -> tune
swing OBJ | swing on OBJ                                        -> swing
swim | dive                                                     -> swim
sorry | apologise | apologize                                   -> sorry
shit | damn | fuck | sod | bother | curses | darn | drat        -> swear
transfer OBJ to OBJ2                                            -> transfer
rub OBJ | clean OBJ | dust OBJ | polish OBJ | scrub OBJ | wipe OBJ | shine OBJ -> rub
oil OBJ | grease OBJ | lubricate OBJ | oil OBJ with HELD | grease OBJ with HELD -> oil
peel OBJ | peel off OBJ                                         -> take
wake up | wake                                                  -> wake_up
write on OBJ | write TEXT                                       -> write
use HELD on OBJ | use HELD with OBJ | use HELD in OBJ | apply HELD to OBJ | apply HELD on OBJ | use HELD at OBJ -> use
use HELD | apply HELD                                           -> use
inventory | i | inv | invent | inventory tall | inventory wide | i tall | i wide -> inventory
bye | goodbye | farewell                                        -> bye
yes | y | yeah | sure                                           -> yes
no | nope                                                       -> no
exits | exit list | directions                                  -> exits
help | commands | instructions | ?                              -> help
hint | hints | clue | clues                                     -> hint
about | credits | info                                          -> about
score | points                                                  -> score
verbose | long                                                  -> verbose
brief | short | superbrief                                      -> brief
version                                                         -> version
pronouns | nouns                                                -> pronouns
undo                                                            -> undo
again | g                                                       -> again
oops TEXT | o TEXT                                              -> oops
save TEXT | save                                                -> save
restore TEXT | load TEXT | restore | load                       -> restore
restart                                                         -> restart
quit | q | exit game | die                                      -> quit
notify | notify on | notify off                                 -> notify
normal                                                          -> normal
full | fullscore | full score                                   -> score
verify                                                          -> verify
recording | recording on | recording off | replay               -> recording
transcript on | script on | transcript | script                 -> transcript_on
transcript off | script off | unscript | noscript               -> transcript_off
map                                                             -> map
status                                                          -> status
time | clock | what time is it | what is the time | check time   -> time
"""

# words that name directions, with their canonical forms
DIRECTION_WORDS = {
    "n": "north", "north": "north", "s": "south", "south": "south",
    "e": "east", "east": "east", "w": "west", "west": "west",
    "ne": "northeast", "northeast": "northeast", "nw": "northwest", "northwest": "northwest",
    "se": "southeast", "southeast": "southeast", "sw": "southwest", "southwest": "southwest",
    "u": "up", "up": "up", "upstairs": "up", "d": "down", "down": "down", "downstairs": "down",
    "in": "in", "inside": "in", "out": "out", "outside": "out", "exit": "out", "leave": "out",
}  # fmt: skip

META_ACTIONS = frozenset(
    "exits help hint about score verbose brief normal version pronouns undo again oops save "
    "restore restart quit transcript_on transcript_off map status notify verify recording bye "
    "time".split()
)

# internal action -> the verb authors use in `on:` responses and action triggers
AUTHOR_VERB = {
    "take_from": "take",
    "insert": "put",
    "put_on": "put",
    "switch_on": "switch_on",
    "switch_off": "switch_off",
    "goto": "go",
    "remove": "take_off",
    "fight": "attack",
    "take_off_all": "take_off",
    "wake_up": "wake",
    "lie": "sit",
    "get_off": "stand",
}


@record
class Line:
    """One grammar pattern and the action it means."""

    tokens: tuple[str, ...]
    action: str


def compile_grammar(source: str = GRAMMAR) -> dict[str, tuple[Line, ...]]:
    """Grammar lines indexed by their first word ('' for lines that start with a slot)."""
    index: dict[str, list[Line]] = {}
    for raw in source.strip().splitlines():
        patterns, action = raw.rsplit("->", 1)
        for pattern in patterns.split("|"):
            tokens = tuple(pattern.split())
            if not tokens:
                continue
            first = "" if tokens[0] in SLOTS else tokens[0]
            index.setdefault(first, []).append(Line(tokens, action.strip()))
    return {k: tuple(v) for k, v in index.items()}


LINES = compile_grammar()
# the verb an author writes for each grammar action (`turn` for TURN X, `switch_on` for TURN ON X)
ACTION_VERBS = frozenset(
    AUTHOR_VERB.get(line.action, line.action) for lines in LINES.values() for line in lines
)
GRAMMAR_WORDS = frozenset(
    t for lines in LINES.values() for line in lines for t in line.tokens if t not in SLOTS
) | frozenset(DIRECTION_WORDS)
VERB_WORDS = frozenset(k for k in LINES if k) | frozenset(DIRECTION_WORDS)
