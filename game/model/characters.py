"""Characters: topics, TALK menus, orders and encounters, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    NOWHERE,
    read_verb_responses,
    suggest,
    words_from_name,
)
from game.model.keys import BOOL, ENUM, ID, INT, TEXT, WORDS, Key, Section
from game.model.logic import (
    ALWAYS,
    Condition,
    Effect,
    Response,
    read_conditions,
    read_effects,
    read_responses,
)
from game.model.messages import read_messages
from game.model.reader import (
    Ctx,
    Where,
    boolean,
    ident,
    mapping,
    seq,
    text,
    word_list,
)
from game.model.record import field, record
from game.model.statemachine import MACHINE, StateMachine

TOPIC = Section(
    "topic",
    "a topic mapping (instead of a plain reply)",
    Key("words", WORDS, "words that name the topic (besides its id)"),
    Key("reply", "responses", "the reply (to ASK, and to TELL unless `tell` is given)"),
    Key("tell", "responses", "TELL's own reply about this topic, when it differs from ASK's"),
    Key("when", "conditions", "the first reply is given only when this holds"),
    Key("do", "effects", "effects of the first reply"),
)
CHOICE = Section(
    "choice",
    "one option of a TALK TO menu",
    Key("label", TEXT, "the numbered option", required=True),
    Key("when", "conditions", "offered only when this holds"),
    Key("reply", TEXT, "the answer"),
    Key("do", "effects", "effects, in order"),
    Key("goto", ID, "another node, or `end` (default: the same node again)"),
)
TALK_NODE = Section(
    "talk_node",
    "one step of a TALK TO menu",
    Key("text", TEXT, "said when the node is reached"),
    Key("choices", "choices", "the options: a list of `{label, when, reply, do, goto}`"),
)
ENCOUNTER = Section(
    "encounter",
    "what happens when a hostile state meets the player",
    Key("text", TEXT, "shown when the encounter starts"),
    Key("turns", INT, "commands before the timeout", 2, low=1),
    Key("flee", "responses", "what FLEE does"),
    Key("hide", "responses", "what HIDE does"),
    Key("fight", "responses", "what FIGHT does"),
    Key("timeout", "responses", "what happens when the turns run out"),
)
PRONOUNS = ("him", "her", "them", "it")
CHARACTER = Section(
    "character",
    "a person (or a horde) with states, talk and movement",
    Key("name", TEXT, "how the game names them", required=True),
    Key("words", WORDS, "more nouns the parser accepts"),
    Key("adjectives", WORDS, "more adjectives the parser accepts"),
    Key("pronoun", ENUM, "`him`, `her`, `them` or `it`", "them", choices=PRONOUNS),
    Key(
        "proper",
        BOOL,
        '`false` for a name that takes "the" ("horde"); default: true when the name starts '
        "with a capital",
    ),
    Key("description", TEXT, "the default description"),
    Key(
        "unnamed",
        TEXT,
        "how the game names them until `named` holds (`boy in the cage`): listings, menus, "
        "the library's replies",
    ),
    Key("named", "conditions", "when the player knows their name (default: always)"),
    Key("location", ID, "a room, or `nowhere`", "nowhere"),
    *MACHINE.keys.values(),
    Key(
        "topics",
        "topics",
        "ASK/TELL about: topic → text, or `{words, reply, tell, when, do}`",
    ),
    Key("default_reply", TEXT, "the answer to other topics"),
    Key("talk", "talk", "the TALK TO menu: node → `{text, choices}`; the first node is `start`"),
    Key("orders", "verbs", 'verb → responses, for "mrs oh, follow me"'),
    Key("default_order", TEXT, "the answer to other orders"),
    Key(
        "encounter",
        "encounter",
        "when a hostile state meets the player: `{text, turns, flee, hide, fight, timeout}`",
    ),
    Key("on", "verbs", "verb → responses (attack, kiss, …)"),
    Key("messages", "messages", "library messages said about them"),
)


@record
class Topic:
    """Something to ASK or TELL a character about."""

    id: str
    words: frozenset[str]
    replies: tuple[Response, ...]
    tell: tuple[Response, ...] = ()  # TELL's own reply, when it differs from ASK's


@record
class Choice:
    """One option of a TALK TO menu."""

    label: str
    when: tuple[Condition, ...]
    reply: str
    do: tuple[Effect, ...]
    goto: str  # node id, "end", or "" (stay)


@record
class TalkNode:
    """One step of a menu conversation."""

    id: str
    text: str
    choices: tuple[Choice, ...]


@record
class Encounter:
    """What happens when a hostile character meets the player."""

    text: str
    turns: int
    flee: tuple[Response, ...]
    hide: tuple[Response, ...]
    fight: tuple[Response, ...]
    timeout: tuple[Response, ...]


@record
class Character:
    """A person (or a horde) with states, talk and movement."""

    id: str
    name: str
    nouns: frozenset[str]
    adjectives: frozenset[str]
    pronoun: str
    description: str
    location: str
    machine: StateMachine
    proper: bool = True
    topics: tuple[Topic, ...] = ()
    default_reply: str = ""
    talk: dict[str, TalkNode] = field(factory=dict, eq=False)
    orders: dict[str, tuple[Response, ...]] = field(factory=dict, eq=False)
    default_order: str = ""
    encounter: Encounter | None = None
    on: dict[str, tuple[Response, ...]] = field(factory=dict, eq=False)
    where: Where | None = field(default=None, eq=False, repr=False)
    messages: dict[str, str] = field(factory=dict, eq=False)
    unnamed: str = ""  # the name used until `named` holds ("" : always the name)
    named: tuple[Condition, ...] = ()

    KEYS = CHARACTER.names

    @classmethod
    def from_yaml(cls, ctx: Ctx, char_id: str, node: yaml.Node) -> Character | None:
        """A character definition."""
        m = mapping(ctx, node, f"character '{char_id}'")
        if m is None:
            return None
        what = f"character '{char_id}'"
        CHARACTER.check(ctx, m, what)
        name = CHARACTER.get(ctx, m, "name")
        nouns, adjs = words_from_name(
            name, CHARACTER.get(ctx, m, "words"), CHARACTER.get(ctx, m, "adjectives")
        )
        location = ident(ctx, m.get("location"), "location") or NOWHERE
        if m.get("location") is not None:
            ctx.ref("room_or_nowhere", location, m.get("location"))
        pronoun = CHARACTER.get(ctx, m, "pronoun")
        return cls(
            char_id,
            name,
            nouns,
            adjs,
            pronoun,
            CHARACTER.get(ctx, m, "description", f"It's {name}."),
            location,
            StateMachine.from_yaml(ctx, m, what, "state:" + char_id),
            boolean(ctx, m.get("proper"), "proper", name[:1].isupper()),
            _read_topics(ctx, m.get("topics")),
            CHARACTER.get(ctx, m, "default_reply"),
            _read_talk(ctx, m.get("talk"), what),
            read_verb_responses(ctx, m.get("orders"), what),
            CHARACTER.get(ctx, m, "default_order"),
            _read_encounter(ctx, m.get("encounter")),
            read_verb_responses(ctx, m.get("on"), what),
            ctx.where(node),
            read_messages(ctx, m.get("messages"), what),
            CHARACTER.get(ctx, m, "unnamed"),
            read_conditions(ctx, m.get("named")),
        )


def _read_topics(ctx: Ctx, node: yaml.Node | None) -> tuple[Topic, ...]:
    """ASK/TELL topics."""
    if node is None:
        return ()
    m = mapping(ctx, node, "topics")
    if m is None:
        return ()
    result = []
    for topic_id, value in m.values.items():
        if isinstance(value, yaml.ScalarNode):
            replies = read_responses(ctx, value, f"topic '{topic_id}'")
            result.append(Topic(topic_id, frozenset({topic_id}), replies))
            continue
        tm = mapping(ctx, value, f"topic '{topic_id}'")
        if tm is None:
            continue
        TOPIC.check(ctx, tm, f"topic '{topic_id}'")
        words = frozenset(word_list(ctx, tm.get("words"), "words")) | {topic_id.replace("_", " ")}
        replies = read_responses(ctx, tm.get("reply"), "reply")
        if tm.get("when") is not None or tm.get("do") is not None:
            base = replies[0] if replies else Response(ALWAYS, "", (), ctx.where(value))
            first = Response(
                read_conditions(ctx, tm.get("when")) + base.when,
                base.say,
                base.do + read_effects(ctx, tm.get("do")),
                base.where,
            )
            replies = (first, *replies[1:])
        tell = read_responses(ctx, tm.get("tell"), "tell") if tm.get("tell") is not None else ()
        result.append(Topic(topic_id, words, replies, tell))
    return tuple(result)


def _read_talk(ctx: Ctx, node: yaml.Node | None, what: str) -> dict[str, TalkNode]:
    """The TALK TO menu: node id to node."""
    if node is None:
        return {}
    m = mapping(ctx, node, f"talk of {what}")
    if m is None:
        return {}
    nodes = {}
    for node_id, value in m.values.items():
        nm = mapping(ctx, value, f"talk node '{node_id}'")
        if nm is None:
            continue
        TALK_NODE.check(ctx, nm, f"talk node '{node_id}'")
        choices = []
        for choice_node in seq(ctx, nm.get("choices"), "choices"):
            cm = mapping(ctx, choice_node, "a choice")
            if cm is None:
                continue
            CHOICE.check(ctx, cm, "a choice")
            goto = ident(ctx, cm.get("goto"), "goto")
            choices.append(
                Choice(
                    CHOICE.get(ctx, cm, "label"),
                    read_conditions(ctx, cm.get("when")),
                    text(ctx, cm.get("reply"), "reply"),
                    read_effects(ctx, cm.get("do")),
                    goto,
                )
            )
        nodes[node_id] = TalkNode(node_id, text(ctx, nm.get("text"), "text"), tuple(choices))
    if nodes and "start" not in nodes:
        ctx.error(node, f"talk of {what} has no 'start' node", "name the first node 'start'")
    for choice_goto_owner in nodes.values():
        for choice in choice_goto_owner.choices:
            if choice.goto and choice.goto != "end" and choice.goto not in nodes:
                ctx.error(
                    node,
                    f"a choice goes to unknown talk node '{choice.goto}'",
                    suggest(choice.goto, nodes),
                )
    return nodes


def _read_encounter(ctx: Ctx, node: yaml.Node | None) -> Encounter | None:
    """An encounter block."""
    if node is None:
        return None
    m = mapping(ctx, node, "encounter")
    if m is None:
        return None
    ENCOUNTER.check(ctx, m, "encounter")
    return Encounter(
        ENCOUNTER.get(ctx, m, "text"),
        ENCOUNTER.get(ctx, m, "turns"),
        read_responses(ctx, m.get("flee"), "flee"),
        read_responses(ctx, m.get("hide"), "hide"),
        read_responses(ctx, m.get("fight"), "fight"),
        read_responses(ctx, m.get("timeout"), "timeout"),
    )
