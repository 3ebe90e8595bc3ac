"""Talking to people: ASK/TELL topics, TALK TO menus, GIVE/SHOW, orders, ATTACK."""

from __future__ import annotations

from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.effects import respond, run_effects
from game.engine.grammar import VERB_WORDS
from game.engine.library import message, say
from game.engine.parser import Command, tokenize
from game.engine.scope import characters_here
from game.model import Character

BYE_WORDS = frozenset(
    {"bye", "goodbye", "leave", "end", "stop", "0", "nothing", "farewell", "done"}
)


def _person(d: Draft, cmd: Command) -> Character | None:
    """The character spoken to: the one named, or the only one here."""
    if cmd.objs:
        thing = cmd.objs[0]
        if thing not in d.world.characters:
            say(d, "talk.cant", thing)
            return None
        return d.world.characters[thing]
    here = characters_here(d.world, d)
    if len(here) == 1:
        return d.world.characters[here[0]]
    say(d, "talk.nobody" if not here else "talk.who")
    return None


def ask(d: Draft, cmd: Command) -> None:
    """ASK X ABOUT Y / TELL X ABOUT Y."""
    person = _person(d, cmd)
    if person is None:
        return
    phrase = " ".join(cmd.words)
    words = set(cmd.words)
    for topic in person.topics:
        matches = any(p in phrase if " " in p else p in words for p in topic.words)
        replies = topic.tell if cmd.action == "tell" and topic.tell else topic.replies
        if matches and respond(d, replies, "dialogue"):
            d.actions.append(("ask", topic.id))
            return
    d.say(person.default_reply or message(d, "ask.nothing", person.id), "dialogue")


def talk(d: Draft, cmd: Command) -> None:
    """TALK TO X: open the menu conversation."""
    person = _person(d, cmd)
    if person is None:
        return
    if "start" not in person.talk:
        d.say(person.default_reply or message(d, "talk.no_menu", person.id), "dialogue")
        return
    d.phase = "dialogue"
    show_node(d, person.id, "start")


def show_node(d: Draft, char: str, node_id: str) -> None:
    """Say a talk node's text and list the choices open now."""
    node = d.world.characters[char].talk[node_id]
    d.dialogue = (char, node_id)
    d.say(node.text, "dialogue")
    choices = open_choices(d, char, node_id)
    if not choices:
        end_dialogue(d)
        return
    for number, choice in enumerate(choices, 1):
        d.say(f"{number}. {choice.label}", "choice")
    say(d, "talk.choose", char, kind="meta")


def open_choices(d: Draft, char: str, node_id: str) -> list:
    """The choices of a node whose conditions hold."""
    node = d.world.characters[char].talk[node_id]
    return [c for c in node.choices if holds(d, c.when)]


def end_dialogue(d: Draft) -> None:
    """Leave the menu conversation."""
    d.dialogue = None
    if d.phase == "dialogue":
        d.phase = "exploring"


def choose(d: Draft, text: str) -> bool:
    """Answer a dialogue menu; False when the text is not a menu answer."""
    char, node_id = d.dialogue
    words = text.strip().lower().split()
    if not words:
        return False
    if words[0] in BYE_WORDS:
        say(d, "talk.end", char, kind="meta")
        end_dialogue(d)
        return True
    choices = open_choices(d, char, node_id)
    picked = None
    if words[0].isdecimal() or (len(words) == 1 and words[0].isdigit()):
        index = _number(words[0]) - 1
        if not 0 <= index < len(choices):
            say(d, "talk.choose_range", char, kind="error", count=len(choices))
            return True
        picked = choices[index]
    elif len(words) > 1 or words[0] not in VERB_WORDS:
        picked = _by_label(choices, words)
    if picked is None:
        return False
    d.say(picked.reply, "dialogue")
    d.actions.append(("talk", char))
    run_effects(d, picked.do)
    if d.ended or d.dialogue is None:
        return True
    if picked.goto == "end":
        end_dialogue(d)
    else:
        show_node(d, char, picked.goto or node_id)
    return True


def _number(word: str) -> int:
    """A typed menu number (any script's decimal digits), or 0 when it is not one."""
    try:
        return int(word)
    except ValueError:
        return 0


def _by_label(choices: list, words: list[str]) -> object | None:
    """The one choice whose label starts with the typed words, if exactly one does."""
    typed = tokenize(" ".join(words))
    if not typed:
        return None
    found = [c for c in choices if tokenize(c.label)[: len(typed)] == typed]
    return found[0] if len(found) == 1 else None


def give(d: Draft, cmd: Command) -> None:
    """GIVE X TO Y / SHOW X TO Y: the item's use rules aimed at the person, else theirs."""
    thing, person = cmd.objs[0], cmd.obj2
    item = d.world.items.get(thing)
    verb = "show" if cmd.action == "show" else "give"
    if item is not None:
        rules = [r.response for r in item.use if r.on == person]
        if rules and respond(d, rules, "dialogue"):
            d.actions.append((verb, thing))
            return
    character = d.world.characters.get(person)
    if character is None:
        say(d, f"{verb}.cant", thing, person)
        return
    if respond(d, character.on.get(verb, ()), "dialogue"):
        d.actions.append((verb, thing))
        return
    say(d, f"{verb}.refused", thing, person)


def order(d: Draft, char: str, action: str, cmd: Command | None = None) -> None:
    """`librarian, go north`: the world's order responses first, else the character does it."""
    character = d.world.characters[char]
    if respond(d, character.orders.get(action, ()), "dialogue"):
        d.actions.append(("order", char))
        return
    if cmd is not None and not character.default_order and carry_out(d, char, cmd):
        d.actions.append(("order", char))
        return
    d.say(character.default_order or message(d, "order.refused", char), "dialogue")


def carry_out(d: Draft, char: str, cmd: Command) -> bool:
    """Do an ordered action as the character: go, open, close, wait. False when it can't."""
    from game.engine.actions.movement import find_exit

    if cmd.action == "go":
        ex = find_exit(d, cmd.direction)
        if ex is None or (ex.door and ex.door in d.locked):
            say(d, "order.go_cant", char)
            return True
        if ex.door and ex.door not in d.open:
            d.add_to("open", ex.door)
        d.char_places = d.char_places.set(char, ex.to)
        say(d, "order.go", char, direction=ex.direction)
        return True
    if cmd.action in ("open", "close") and cmd.objs and cmd.objs[0] in d.world.items:
        thing = cmd.objs[0]
        item = d.world.items[thing]
        spec = item.door or item.container
        if spec is None or not spec.openable:
            return False
        if cmd.action == "open" and thing in d.locked:
            say(d, "order.locked", char, thing)
        elif cmd.action == "open":
            d.add_to("open", thing)
            say(d, "order.open", char, thing)
        else:
            d.discard_from("open", thing)
            say(d, "order.close", char, thing)
        d.actions.append((cmd.action, thing))
        return True
    if cmd.action == "wait":
        say(d, "order.wait", char)
        return True
    return False


def attack(d: Draft, cmd: Command) -> None:
    """ATTACK X."""
    thing = cmd.objs[0]
    character = d.world.characters.get(thing)
    if character is not None:
        info = character.machine.states.get(d.char_states[thing])
        if info is not None and info.hostile and character.encounter is not None:
            from game.engine.encounters import start_encounter

            start_encounter(d, thing)
            return
        say(d, "attack.person", thing)
        return
    say(d, "attack.thing", thing)


def say_to(d: Draft, cmd: Command) -> None:
    """SAY X TO Y: a character hears it as a topic; said to nobody, the library's reply."""
    if cmd.objs and cmd.objs[0] in d.world.characters:
        ask(d, cmd)
    else:
        say(d, "verb.say")
