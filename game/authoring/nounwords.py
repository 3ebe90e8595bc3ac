"""Word lists for the noun audit: function words, common verbs, and words that name no thing."""

from __future__ import annotations

DETERMINERS = frozenset(
    "a an the your his her its their my our this that these those some every each another "
    "no any one two three four five six seven eight nine ten several both".split()
)

STOP = frozenset(
    """
    i me you he she it we they him them us myself yourself himself herself itself themselves
    ourselves mine yours hers ours theirs whose who whom which what where when why how whoever
    and or but nor so yet if then than because though although while until unless since as
    at by for from in into of off on onto out over to up upon with within without about above
    across after against along among around before behind below beneath beside besides between
    beyond down during except inside like near outside past round through throughout toward
    towards under underneath via back away apart ahead aside together instead
    is am are was were be been being do does did done have has had having can could will would
    shall should may might must ought get gets got let lets make makes made
    not never always again also already almost only even just still ever often once twice
    very too quite rather really more most less least much many few little enough such same
    other else all both either neither whole half own else here there now today tonight
    yes okay please thanks hello goodbye oh ah ago
    """.split()
)

# Common verb forms in present-tense prose; the world's own 'you <verb>' adds more.
VERBS = frozenset(
    """
    says said tells told asks asked answers looks looked sees saw seen hears heard feels felt
    comes came goes went gone takes took taken gives gave given keeps kept holds held stands
    stood sits sat lies lay lain hangs hung runs ran walks walked turns turned moves moved
    opens opened closes closed falls fell fallen rises rose risen leans leaned waits waited
    watches watched smells tastes sounds seems seemed becomes became begins began starts
    started stops stopped finds found leaves left reaches reached pulls pulled pushes pushed
    puts lets shows showed shown knows knew known thinks thought wants wanted needs needed
    tries tried breathes breathed shakes shook shaken nods nodded smiles smiled laughs
    laughed cries cried drops dropped picks picked lifts lifted carries carried brings
    brought catches caught calls called crawls crawled climbs climbed rolls rolled swings
    swung hums hummed drips dripped hisses hissed glows glowed burns burned burnt flickers
    flickered crackles crackled creaks creaked rattles rattled whispers whispered screams
    screamed shouts shouted points pointed reads read writes wrote written sleeps slept
    wakes woke breaks broke broken spreads stretches stretched covers covered fills filled
    smashes smashed slides slid slips slipped steps stepped rests rested settles settled
    sways swayed blinks blinked stares stared glances glanced follows followed leads led
    meets met lives lived dies died kills killed eats ate eaten drinks drank drunk
    recognise recognises recognize recognizes pokes poked darkens darken
    take give hold come go walk stand sit lie wait keep bring carry pull push follow draw
    sing sings sang hang meet say whiten whitens cuts bought begin arrive arrives run hide
    """.split()
)

# Nouns that name no examinable thing: time, abstractions, directions, amounts, weather of mind.
NOT_THINGS = frozenset(
    """
    way moment moments time times night nights day days morning evening dusk dawn hour hours
    minute minutes second seconds week weeks month months year years while end start
    beginning middle rest first last next other others same kind sort lot lots bit bits
    thing things something nothing anything everything someone anyone everyone nobody
    somebody anybody everybody one ones part parts side sides top bottom front edge
    left right north south east west northeast northwest southeast southwest up down
    number numbers question questions answer answers truth reason idea word words name
    names voice voices sound sounds noise silence smell smells taste breath breaths look
    looks glance sight view shape shapes colour color light dark darkness shadow shadows
    air world life lives death fear hope memory memories dream dreams mind heart thought
    thoughts feeling feelings sense chance choice fact matter point place places space room
    way ways direction distance inch inches metre metres meter meters step steps pace
    half quarter dozen hundred hundreds thousand thousands length height width depth
    weight size count counts rhythm pulse beat edge corner corners line lines row rows
    sort sorts stuff kinds spot trouble problem problems job work plan plans story stories
    help news order orders rule rules sign signs mark marks trace traces rest way
    silence quiet hush laugh cry scream screams shout whisper whispers sigh
    minute attention turn turns move moves game games feel feels forward instant difference third fourth fifth
    sentence sentences wave waves nod nods upside late settle centimetre centimetres allows
    upright level great greet blaze thins childhood song songs knot field fields
    people person persons heartbeat
    """.split()
)


def looks_like_adverb(word: str) -> bool:
    """Words ending in -ly are mostly adverbs (a few nouns like 'jelly' are rare in scenery)."""
    return word.endswith("ly") and word not in {"belly", "jelly", "lily", "fly", "family"}


def variants(word: str) -> tuple[str, ...]:
    """A word with its likely singular and plural forms."""
    forms = [word, word + "s", word + "es"]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    return tuple(forms)


# Parts of a body: the audit leaves them to the person they belong to.
BODY = frozenset(
    """
    hand hands eye eyes face head arm arms foot feet leg legs mouth knee knees throat fist
    fists finger fingers shoulder shoulders forearm thigh hair skin lap jaw jaws lip lips
    tooth teeth neck chest back spine cheek chin ear ears nose brow eyebrow palm palms
    thumb elbow ankle heel toe toes hip hips belly stomach body bodies blood breath tongue
    """.split()
)

# Words that mostly describe rather than name (colours, states, materials used as modifiers).
ADJECTIVES = frozenset(
    """
    black white red grey gray green blue yellow brown gold golden silver pale dark bright
    open shut closed locked old new dead alive running full empty flat high low long short
    wide narrow deep thin thick heavy light wet dry cold warm hot cool broken burnt burned
    marked whispering quiet loud soft hard small big large huge tiny little last first
    electric faint lit unlit whole single double set stand well close far near real same sure ready safe free
    calm slim slow neat loose rusty fat smaller longer larger bigger older younger
    """.split()
)

# Sounds, weather and other things that are heard or felt rather than examined.
UNTOUCHABLE = frozenset(
    """
    roar roars bang bangs creak creaks shriek shrieks click clicks hum hiss snarl thump thumps
    clank rattle clatter murmur tick ticking knock knocking scrape whine moan moans groan groans
    gunshot gunshots echo echoes crash thud thuds clang howl howls wail sob sobs gasp
    wind breeze sky sun moon stars star thunder rain drizzle fog mist cloud clouds weather
    draught heat cold chill warmth smoke haze glare gloom
    pause flicker blur sweep drop crack rush hurry rhythm bite bites
    somewhere anywhere everywhere nowhere further anyway home centre center
    kilometre kilometres day days hour hours zone district world city country
    """.split()
)

# Nouns that end like verb forms.
ED_ING_NOUNS = frozenset(
    "bed beds shed sheds thread threads seed seeds reed reeds weed weeds sled speed need "
    "ceiling ceilings building buildings railing railings painting paintings clothing bedding "
    "wiring string strings ring rings wing wings king thing things spring springs wedding "
    "landing landings opening openings casing lining stuffing tubing writing drawing "
    "drawings sapling siding awning awnings carving carvings morning mornings evening evenings".split()
)
