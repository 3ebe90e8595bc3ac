"""Record constructors compiled ahead. Generated: after changing a record, run
python -c 'import game.model.record as r; print(r.write_constructors())'
(tests/test_model_record.py fails while this file is out of date).

A record whose constructor source is in SOURCES takes the function below compiled from
it (its bytecode cached like any module's); any other record compiles its own."""

# ruff: noqa
# fmt: off
SOURCES = {
    'game.engine.grammar.Line': "def __init__(self, tokens, action):\n    _set(self, 'tokens', tokens)\n    _set(self, 'action', action)\n",
    'game.engine.menus.Menu': "def __init__(self, kind, who, name, choices, moves_left, prompt):\n    _set(self, 'kind', kind)\n    _set(self, 'who', who)\n    _set(self, 'name', name)\n    _set(self, 'choices', choices)\n    _set(self, 'moves_left', moves_left)\n    _set(self, 'prompt', prompt)\n",
    'game.engine.output.Paragraph': "def __init__(self, kind, text):\n    _set(self, 'kind', kind)\n    _set(self, 'text', text)\n",
    'game.engine.output.Request': "def __init__(self, kind, arg):\n    _set(self, 'kind', kind)\n    _set(self, 'arg', arg)\n",
    'game.engine.output.Turn': "def __init__(self, state, output, requests):\n    _set(self, 'state', state)\n    _set(self, 'output', output)\n    _set(self, 'requests', requests)\n",
    'game.engine.parser.Command': "def __init__(self, action, objs, obj2, direction, words, room, text, multi):\n    _set(self, 'action', action)\n    _set(self, 'objs', objs)\n    _set(self, 'obj2', obj2)\n    _set(self, 'direction', direction)\n    _set(self, 'words', words)\n    _set(self, 'room', room)\n    _set(self, 'text', text)\n    _set(self, 'multi', multi)\n",
    'game.engine.parser.Failure': "def __init__(self, message, unknown, pending):\n    _set(self, 'message', message)\n    _set(self, 'unknown', unknown)\n    _set(self, 'pending', pending)\n",
    'game.engine.plan.Rule': "def __init__(self, guard, rest, whole):\n    _set(self, 'guard', guard)\n    _set(self, 'rest', rest)\n    _set(self, 'whole', whole)\n",
    'game.engine.plan.TurnPlan': "def __init__(self, owners, per_turn, rank, rules, live):\n    _set(self, 'owners', owners)\n    _set(self, 'per_turn', per_turn)\n    _set(self, 'rank', rank)\n    _set(self, 'rules', rules)\n    _set(self, 'live', _make_live() if live is _NOTHING else live)\n",
    'game.engine.state.GameState': "def __init__(self, seed, rng, location, places, condition, char_states, char_places, turn, phase, open, locked, lit, worn, flags, condition_since, char_since, visited, moved, fired, timers, score, dialogue, encounter, ending, pronouns, pending, last_command, oops, hints, verbose, debug, debugged, trace, history):\n    _set(self, 'seed', seed)\n    _set(self, 'rng', rng)\n    _set(self, 'location', location)\n    _set(self, 'places', places)\n    _set(self, 'condition', condition)\n    _set(self, 'char_states', char_states)\n    _set(self, 'char_places', char_places)\n    _set(self, 'turn', turn)\n    _set(self, 'phase', phase)\n    _set(self, 'open', open)\n    _set(self, 'locked', locked)\n    _set(self, 'lit', lit)\n    _set(self, 'worn', worn)\n    _set(self, 'flags', flags)\n    _set(self, 'condition_since', condition_since)\n    _set(self, 'char_since', char_since)\n    _set(self, 'visited', visited)\n    _set(self, 'moved', moved)\n    _set(self, 'fired', fired)\n    _set(self, 'timers', timers)\n    _set(self, 'score', score)\n    _set(self, 'dialogue', dialogue)\n    _set(self, 'encounter', encounter)\n    _set(self, 'ending', ending)\n    _set(self, 'pronouns', pronouns)\n    _set(self, 'pending', pending)\n    _set(self, 'last_command', last_command)\n    _set(self, 'oops', oops)\n    _set(self, 'hints', hints)\n    _set(self, 'verbose', verbose)\n    _set(self, 'debug', debug)\n    _set(self, 'debugged', debugged)\n    _set(self, 'trace', trace)\n    _set(self, 'history', history)\n    _set(self, '_record_hash', None)\n",
    'game.engine.status.Status': "def __init__(self, location, region, exits, inventory, condition, condition_label, turns_left, turn, score, max_score, phase, ending, has_condition, has_score, here, time):\n    _set(self, 'location', location)\n    _set(self, 'region', region)\n    _set(self, 'exits', exits)\n    _set(self, 'inventory', inventory)\n    _set(self, 'condition', condition)\n    _set(self, 'condition_label', condition_label)\n    _set(self, 'turns_left', turns_left)\n    _set(self, 'turn', turn)\n    _set(self, 'score', score)\n    _set(self, 'max_score', max_score)\n    _set(self, 'phase', phase)\n    _set(self, 'ending', ending)\n    _set(self, 'has_condition', has_condition)\n    _set(self, 'has_score', has_score)\n    _set(self, 'here', here)\n    _set(self, 'time', time)\n",
    'game.engine.timing.Clock': "def __init__(self, turn_cap, period, player_caps, char_caps, delays):\n    _set(self, 'turn_cap', turn_cap)\n    _set(self, 'period', period)\n    _set(self, 'player_caps', player_caps)\n    _set(self, 'char_caps', char_caps)\n    _set(self, 'delays', _make_delays() if delays is _NOTHING else delays)\n",
    'game.model.characters.Character': "def __init__(self, id, name, nouns, adjectives, pronoun, description, location, machine, proper, topics, default_reply, talk, orders, default_order, encounter, on, where, messages, unnamed, named):\n    _set(self, 'id', id)\n    _set(self, 'name', name)\n    _set(self, 'nouns', nouns)\n    _set(self, 'adjectives', adjectives)\n    _set(self, 'pronoun', pronoun)\n    _set(self, 'description', description)\n    _set(self, 'location', location)\n    _set(self, 'machine', machine)\n    _set(self, 'proper', proper)\n    _set(self, 'topics', topics)\n    _set(self, 'default_reply', default_reply)\n    _set(self, 'talk', _make_talk() if talk is _NOTHING else talk)\n    _set(self, 'orders', _make_orders() if orders is _NOTHING else orders)\n    _set(self, 'default_order', default_order)\n    _set(self, 'encounter', encounter)\n    _set(self, 'on', _make_on() if on is _NOTHING else on)\n    _set(self, 'where', where)\n    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)\n    _set(self, 'unnamed', unnamed)\n    _set(self, 'named', named)\n",
    'game.model.characters.Choice': "def __init__(self, label, when, reply, do, goto):\n    _set(self, 'label', label)\n    _set(self, 'when', when)\n    _set(self, 'reply', reply)\n    _set(self, 'do', do)\n    _set(self, 'goto', goto)\n",
    'game.model.characters.Encounter': "def __init__(self, text, turns, flee, hide, fight, timeout):\n    _set(self, 'text', text)\n    _set(self, 'turns', turns)\n    _set(self, 'flee', flee)\n    _set(self, 'hide', hide)\n    _set(self, 'fight', fight)\n    _set(self, 'timeout', timeout)\n",
    'game.model.characters.TalkNode': "def __init__(self, id, text, choices):\n    _set(self, 'id', id)\n    _set(self, 'text', text)\n    _set(self, 'choices', choices)\n",
    'game.model.characters.Topic': "def __init__(self, id, words, replies, tell):\n    _set(self, 'id', id)\n    _set(self, 'words', words)\n    _set(self, 'replies', replies)\n    _set(self, 'tell', tell)\n",
    'game.model.endings.Ending': "def __init__(self, id, title, text, kind, where, epilogue):\n    _set(self, 'id', id)\n    _set(self, 'title', title)\n    _set(self, 'text', text)\n    _set(self, 'kind', kind)\n    _set(self, 'where', where)\n    _set(self, 'epilogue', epilogue)\n",
    'game.model.endings.Hint': "def __init__(self, id, when, done, hints):\n    _set(self, 'id', id)\n    _set(self, 'when', when)\n    _set(self, 'done', done)\n    _set(self, 'hints', hints)\n",
    'game.model.events.Event': "def __init__(self, id, trigger, when, say, do, once, priority, where):\n    _set(self, 'id', id)\n    _set(self, 'trigger', trigger)\n    _set(self, 'when', when)\n    _set(self, 'say', say)\n    _set(self, 'do', do)\n    _set(self, 'once', once)\n    _set(self, 'priority', priority)\n    _set(self, 'where', where)\n",
    'game.model.events.Trigger': "def __init__(self, kind, a, b, n, after):\n    _set(self, 'kind', kind)\n    _set(self, 'a', a)\n    _set(self, 'b', b)\n    _set(self, 'n', n)\n    _set(self, 'after', after)\n",
    'game.model.fields.Variant': "def __init__(self, when, text):\n    _set(self, 'when', when)\n    _set(self, 'text', text)\n",
    'game.model.items.ContainerSpec': "def __init__(self, open, openable, locked, key, capacity, transparent, supporter):\n    _set(self, 'open', open)\n    _set(self, 'openable', openable)\n    _set(self, 'locked', locked)\n    _set(self, 'key', key)\n    _set(self, 'capacity', capacity)\n    _set(self, 'transparent', transparent)\n    _set(self, 'supporter', supporter)\n",
    'game.model.items.Item': "def __init__(self, id, name, nouns, adjectives, description, location, initial, portable, fixed, plural, proper, points, light, lit, readable, wearable, edible, drinkable, container, door, use, on, where, variants, messages):\n    _set(self, 'id', id)\n    _set(self, 'name', name)\n    _set(self, 'nouns', nouns)\n    _set(self, 'adjectives', adjectives)\n    _set(self, 'description', description)\n    _set(self, 'location', location)\n    _set(self, 'initial', initial)\n    _set(self, 'portable', portable)\n    _set(self, 'fixed', fixed)\n    _set(self, 'plural', plural)\n    _set(self, 'proper', proper)\n    _set(self, 'points', points)\n    _set(self, 'light', light)\n    _set(self, 'lit', lit)\n    _set(self, 'readable', readable)\n    _set(self, 'wearable', wearable)\n    _set(self, 'edible', edible)\n    _set(self, 'drinkable', drinkable)\n    _set(self, 'container', container)\n    _set(self, 'door', door)\n    _set(self, 'use', use)\n    _set(self, 'on', _make_on() if on is _NOTHING else on)\n    _set(self, 'where', where)\n    _set(self, 'variants', variants)\n    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)\n",
    'game.model.items.UseRule': "def __init__(self, on, response):\n    _set(self, 'on', on)\n    _set(self, 'response', response)\n",
    'game.model.layers.Entry': "def __init__(self, ctx, node, layer, where):\n    _set(self, 'ctx', ctx)\n    _set(self, 'node', node)\n    _set(self, 'layer', layer)\n    _set(self, 'where', where)\n",
    'game.model.layers.LayerReport': "def __init__(self, folder, added, extended, replaced):\n    _set(self, 'folder', folder)\n    _set(self, 'added', added)\n    _set(self, 'extended', extended)\n    _set(self, 'replaced', replaced)\n",
    'game.model.layers.Layers': "def __init__(self, folders, entries, reports):\n    _set(self, 'folders', folders)\n    _set(self, 'entries', _make_entries() if entries is _NOTHING else entries)\n    _set(self, 'reports', _make_reports() if reports is _NOTHING else reports)\n",
    'game.model.logic.Condition': "def __init__(self, op, args, where):\n    _set(self, 'op', op)\n    _set(self, 'args', args)\n    _set(self, 'where', where)\n",
    'game.model.logic.Effect': "def __init__(self, op, args, where):\n    _set(self, 'op', op)\n    _set(self, 'args', args)\n    _set(self, 'where', where)\n",
    'game.model.logic.Response': "def __init__(self, when, say, do, where):\n    _set(self, 'when', when)\n    _set(self, 'say', say)\n    _set(self, 'do', do)\n    _set(self, 'where', where)\n",
    'game.model.problems.Problem': "def __init__(self, path, line, col, message, fix, severity):\n    _set(self, 'path', path)\n    _set(self, 'line', line)\n    _set(self, 'col', col)\n    _set(self, 'message', message)\n    _set(self, 'fix', fix)\n    _set(self, 'severity', severity)\n",
    'game.model.reader.Ref': "def __init__(self, kind, value, where, what):\n    _set(self, 'kind', kind)\n    _set(self, 'value', value)\n    _set(self, 'where', where)\n    _set(self, 'what', what)\n",
    'game.model.reader.Where': "def __init__(self, path, line, col):\n    _set(self, 'path', path)\n    _set(self, 'line', line)\n    _set(self, 'col', col)\n",
    'game.model.rooms.Exit': "def __init__(self, direction, to, door, when, refuse, hidden_until, one_way, where):\n    _set(self, 'direction', direction)\n    _set(self, 'to', to)\n    _set(self, 'door', door)\n    _set(self, 'when', when)\n    _set(self, 'refuse', refuse)\n    _set(self, 'hidden_until', hidden_until)\n    _set(self, 'one_way', one_way)\n    _set(self, 'where', where)\n",
    'game.model.rooms.Room': "def __init__(self, id, name, region, description, first, variants, dark, dark_description, points, exits, scenery, on, items, where, messages, dark_when):\n    _set(self, 'id', id)\n    _set(self, 'name', name)\n    _set(self, 'region', region)\n    _set(self, 'description', description)\n    _set(self, 'first', first)\n    _set(self, 'variants', variants)\n    _set(self, 'dark', dark)\n    _set(self, 'dark_description', dark_description)\n    _set(self, 'points', points)\n    _set(self, 'exits', exits)\n    _set(self, 'scenery', scenery)\n    _set(self, 'on', _make_on() if on is _NOTHING else on)\n    _set(self, 'items', items)\n    _set(self, 'where', where)\n    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)\n    _set(self, 'dark_when', dark_when)\n",
    'game.model.rooms.Scenery': "def __init__(self, id, nouns, adjectives, description, name, on, messages):\n    _set(self, 'id', id)\n    _set(self, 'nouns', nouns)\n    _set(self, 'adjectives', adjectives)\n    _set(self, 'description', description)\n    _set(self, 'name', name)\n    _set(self, 'on', _make_on() if on is _NOTHING else on)\n    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)\n",
    'game.model.start.GameInfo': "def __init__(self, title, release, author, intro, undo_limit, winning, clock):\n    _set(self, 'title', title)\n    _set(self, 'release', release)\n    _set(self, 'author', author)\n    _set(self, 'intro', intro)\n    _set(self, 'undo_limit', undo_limit)\n    _set(self, 'winning', winning)\n    _set(self, 'clock', clock)\n",
    'game.model.start.Player': "def __init__(self, start, inventory, condition):\n    _set(self, 'start', start)\n    _set(self, 'inventory', inventory)\n    _set(self, 'condition', condition)\n",
    'game.model.statemachine.StateInfo': "def __init__(self, id, label, description, present, follows, hostile, route, every, wander, chance, forbid, refuse, heard_from):\n    _set(self, 'id', id)\n    _set(self, 'label', label)\n    _set(self, 'description', description)\n    _set(self, 'present', present)\n    _set(self, 'follows', follows)\n    _set(self, 'hostile', hostile)\n    _set(self, 'route', route)\n    _set(self, 'every', every)\n    _set(self, 'wander', wander)\n    _set(self, 'chance', chance)\n    _set(self, 'forbid', forbid)\n    _set(self, 'refuse', refuse)\n    _set(self, 'heard_from', heard_from)\n",
    'game.model.statemachine.StateMachine': "def __init__(self, initial, states, transitions, automatic):\n    _set(self, 'initial', initial)\n    _set(self, 'states', states)\n    _set(self, 'transitions', transitions)\n    _set(self, 'automatic', automatic)\n    _set(self, '_auto_cache', _make__auto_cache())\n",
    'game.model.statemachine.Transition': "def __init__(self, sources, to, when, after, say, do, where, heard, heard_from):\n    _set(self, 'sources', sources)\n    _set(self, 'to', to)\n    _set(self, 'when', when)\n    _set(self, 'after', after)\n    _set(self, 'say', say)\n    _set(self, 'do', do)\n    _set(self, 'where', where)\n    _set(self, 'heard', heard)\n    _set(self, 'heard_from', heard_from)\n",
    'game.model.testspecs.WorldTest': "def __init__(self, id, commands, expect, where, start, lines):\n    _set(self, 'id', id)\n    _set(self, 'commands', commands)\n    _set(self, 'expect', expect)\n    _set(self, 'where', where)\n    _set(self, 'start', start)\n    _set(self, 'lines', lines)\n",
    'game.model.world.World': "def __init__(self, info, player, rooms, items, characters, events, endings, hints, tests, files, layers, messages, on, exits, door_rooms, events_by_kind, max_score, movers, events_by_key, self_changing, scenery, lexicon, vocab):\n    _set(self, 'info', info)\n    _set(self, 'player', player)\n    _set(self, 'rooms', rooms)\n    _set(self, 'items', items)\n    _set(self, 'characters', characters)\n    _set(self, 'events', events)\n    _set(self, 'endings', endings)\n    _set(self, 'hints', hints)\n    _set(self, 'tests', tests)\n    _set(self, 'files', files)\n    _set(self, 'layers', layers)\n    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)\n    _set(self, 'on', _make_on() if on is _NOTHING else on)\n    _set(self, 'exits', _make_exits() if exits is _NOTHING else exits)\n    _set(self, 'door_rooms', _make_door_rooms() if door_rooms is _NOTHING else door_rooms)\n    _set(self, 'events_by_kind', _make_events_by_kind() if events_by_kind is _NOTHING else events_by_kind)\n    _set(self, 'max_score', max_score)\n    _set(self, 'movers', movers)\n    _set(self, 'events_by_key', _make_events_by_key() if events_by_key is _NOTHING else events_by_key)\n    _set(self, 'self_changing', self_changing)\n    _set(self, 'scenery', _make_scenery() if scenery is _NOTHING else scenery)\n    _set(self, 'lexicon', lexicon)\n    _set(self, 'vocab', _make_vocab() if vocab is _NOTHING else vocab)\n",
    'game.plain.PlainOptions': "def __init__(self, status, ascii, decorate):\n    _set(self, 'status', status)\n    _set(self, 'ascii', ascii)\n    _set(self, 'decorate', decorate)\n",
    'game.saves.checkpoint.Checkpoint': "def __init__(self, game, lines, offset, digest, snapshot, history):\n    _set(self, 'game', game)\n    _set(self, 'lines', lines)\n    _set(self, 'offset', offset)\n    _set(self, 'digest', digest)\n    _set(self, 'snapshot', snapshot)\n    _set(self, 'history', history)\n",
    'game.saves.format.LogEntry': "def __init__(self, command, out, state, excerpt):\n    _set(self, 'command', command)\n    _set(self, 'out', out)\n    _set(self, 'state', state)\n    _set(self, 'excerpt', excerpt)\n",
    'game.saves.format.SaveFile': "def __init__(self, world, created, label, location, turn, ending, seed, log, snapshot, history, engine, format, min_compatible):\n    _set(self, 'world', world)\n    _set(self, 'created', created)\n    _set(self, 'label', label)\n    _set(self, 'location', location)\n    _set(self, 'turn', turn)\n    _set(self, 'ending', ending)\n    _set(self, 'seed', seed)\n    _set(self, 'log', log)\n    _set(self, 'snapshot', snapshot)\n    _set(self, 'history', history)\n    _set(self, 'engine', engine)\n    _set(self, 'format', format)\n    _set(self, 'min_compatible', min_compatible)\n",
    'game.saves.identity.WorldId': "def __init__(self, title, release, hash):\n    _set(self, 'title', title)\n    _set(self, 'release', release)\n    _set(self, 'hash', hash)\n",
    'game.saves.journal.Contents': "def __init__(self, header, records, first, end, notes):\n    _set(self, 'header', header)\n    _set(self, 'records', records)\n    _set(self, 'first', first)\n    _set(self, 'end', end)\n    _set(self, 'notes', notes)\n",
    'game.saves.journal.Header': "def __init__(self, game, world, seed, created, engine, origin):\n    _set(self, 'game', game)\n    _set(self, 'world', world)\n    _set(self, 'seed', seed)\n    _set(self, 'created', created)\n    _set(self, 'engine', engine)\n    _set(self, 'origin', origin)\n",
    'game.saves.journal.Record': "def __init__(self, command, out, state, excerpt, turn, location):\n    _set(self, 'command', command)\n    _set(self, 'out', out)\n    _set(self, 'state', state)\n    _set(self, 'excerpt', excerpt)\n    _set(self, 'turn', turn)\n    _set(self, 'location', location)\n",
    'game.saves.recordings.Summary': "def __init__(self, game, path, created, played, lines, turn, location, size, in_use, origin, last, problem):\n    _set(self, 'game', game)\n    _set(self, 'path', path)\n    _set(self, 'created', created)\n    _set(self, 'played', played)\n    _set(self, 'lines', lines)\n    _set(self, 'turn', turn)\n    _set(self, 'location', location)\n    _set(self, 'size', size)\n    _set(self, 'in_use', in_use)\n    _set(self, 'origin', origin)\n    _set(self, 'last', last)\n    _set(self, 'problem', problem)\n",
    'game.saves.reopen.Opened': "def __init__(self, header, state, contents, notes):\n    _set(self, 'header', header)\n    _set(self, 'state', state)\n    _set(self, 'contents', contents)\n    _set(self, 'notes', notes)\n",
    'game.saves.store.Loaded': "def __init__(self, save, state, path, notes):\n    _set(self, 'save', save)\n    _set(self, 'state', state)\n    _set(self, 'path', path)\n    _set(self, 'notes', notes)\n",
}


def init_game_engine_grammar_Line(self, tokens, action):
    _set(self, 'tokens', tokens)
    _set(self, 'action', action)


def init_game_engine_menus_Menu(self, kind, who, name, choices, moves_left, prompt):
    _set(self, 'kind', kind)
    _set(self, 'who', who)
    _set(self, 'name', name)
    _set(self, 'choices', choices)
    _set(self, 'moves_left', moves_left)
    _set(self, 'prompt', prompt)


def init_game_engine_output_Paragraph(self, kind, text):
    _set(self, 'kind', kind)
    _set(self, 'text', text)


def init_game_engine_output_Request(self, kind, arg):
    _set(self, 'kind', kind)
    _set(self, 'arg', arg)


def init_game_engine_output_Turn(self, state, output, requests):
    _set(self, 'state', state)
    _set(self, 'output', output)
    _set(self, 'requests', requests)


def init_game_engine_parser_Command(self, action, objs, obj2, direction, words, room, text, multi):
    _set(self, 'action', action)
    _set(self, 'objs', objs)
    _set(self, 'obj2', obj2)
    _set(self, 'direction', direction)
    _set(self, 'words', words)
    _set(self, 'room', room)
    _set(self, 'text', text)
    _set(self, 'multi', multi)


def init_game_engine_parser_Failure(self, message, unknown, pending):
    _set(self, 'message', message)
    _set(self, 'unknown', unknown)
    _set(self, 'pending', pending)


def init_game_engine_plan_Rule(self, guard, rest, whole):
    _set(self, 'guard', guard)
    _set(self, 'rest', rest)
    _set(self, 'whole', whole)


def init_game_engine_plan_TurnPlan(self, owners, per_turn, rank, rules, live):
    _set(self, 'owners', owners)
    _set(self, 'per_turn', per_turn)
    _set(self, 'rank', rank)
    _set(self, 'rules', rules)
    _set(self, 'live', _make_live() if live is _NOTHING else live)


def init_game_engine_state_GameState(self, seed, rng, location, places, condition, char_states, char_places, turn, phase, open, locked, lit, worn, flags, condition_since, char_since, visited, moved, fired, timers, score, dialogue, encounter, ending, pronouns, pending, last_command, oops, hints, verbose, debug, debugged, trace, history):
    _set(self, 'seed', seed)
    _set(self, 'rng', rng)
    _set(self, 'location', location)
    _set(self, 'places', places)
    _set(self, 'condition', condition)
    _set(self, 'char_states', char_states)
    _set(self, 'char_places', char_places)
    _set(self, 'turn', turn)
    _set(self, 'phase', phase)
    _set(self, 'open', open)
    _set(self, 'locked', locked)
    _set(self, 'lit', lit)
    _set(self, 'worn', worn)
    _set(self, 'flags', flags)
    _set(self, 'condition_since', condition_since)
    _set(self, 'char_since', char_since)
    _set(self, 'visited', visited)
    _set(self, 'moved', moved)
    _set(self, 'fired', fired)
    _set(self, 'timers', timers)
    _set(self, 'score', score)
    _set(self, 'dialogue', dialogue)
    _set(self, 'encounter', encounter)
    _set(self, 'ending', ending)
    _set(self, 'pronouns', pronouns)
    _set(self, 'pending', pending)
    _set(self, 'last_command', last_command)
    _set(self, 'oops', oops)
    _set(self, 'hints', hints)
    _set(self, 'verbose', verbose)
    _set(self, 'debug', debug)
    _set(self, 'debugged', debugged)
    _set(self, 'trace', trace)
    _set(self, 'history', history)
    _set(self, '_record_hash', None)


def init_game_engine_status_Status(self, location, region, exits, inventory, condition, condition_label, turns_left, turn, score, max_score, phase, ending, has_condition, has_score, here, time):
    _set(self, 'location', location)
    _set(self, 'region', region)
    _set(self, 'exits', exits)
    _set(self, 'inventory', inventory)
    _set(self, 'condition', condition)
    _set(self, 'condition_label', condition_label)
    _set(self, 'turns_left', turns_left)
    _set(self, 'turn', turn)
    _set(self, 'score', score)
    _set(self, 'max_score', max_score)
    _set(self, 'phase', phase)
    _set(self, 'ending', ending)
    _set(self, 'has_condition', has_condition)
    _set(self, 'has_score', has_score)
    _set(self, 'here', here)
    _set(self, 'time', time)


def init_game_engine_timing_Clock(self, turn_cap, period, player_caps, char_caps, delays):
    _set(self, 'turn_cap', turn_cap)
    _set(self, 'period', period)
    _set(self, 'player_caps', player_caps)
    _set(self, 'char_caps', char_caps)
    _set(self, 'delays', _make_delays() if delays is _NOTHING else delays)


def init_game_model_characters_Character(self, id, name, nouns, adjectives, pronoun, description, location, machine, proper, topics, default_reply, talk, orders, default_order, encounter, on, where, messages, unnamed, named):
    _set(self, 'id', id)
    _set(self, 'name', name)
    _set(self, 'nouns', nouns)
    _set(self, 'adjectives', adjectives)
    _set(self, 'pronoun', pronoun)
    _set(self, 'description', description)
    _set(self, 'location', location)
    _set(self, 'machine', machine)
    _set(self, 'proper', proper)
    _set(self, 'topics', topics)
    _set(self, 'default_reply', default_reply)
    _set(self, 'talk', _make_talk() if talk is _NOTHING else talk)
    _set(self, 'orders', _make_orders() if orders is _NOTHING else orders)
    _set(self, 'default_order', default_order)
    _set(self, 'encounter', encounter)
    _set(self, 'on', _make_on() if on is _NOTHING else on)
    _set(self, 'where', where)
    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)
    _set(self, 'unnamed', unnamed)
    _set(self, 'named', named)


def init_game_model_characters_Choice(self, label, when, reply, do, goto):
    _set(self, 'label', label)
    _set(self, 'when', when)
    _set(self, 'reply', reply)
    _set(self, 'do', do)
    _set(self, 'goto', goto)


def init_game_model_characters_Encounter(self, text, turns, flee, hide, fight, timeout):
    _set(self, 'text', text)
    _set(self, 'turns', turns)
    _set(self, 'flee', flee)
    _set(self, 'hide', hide)
    _set(self, 'fight', fight)
    _set(self, 'timeout', timeout)


def init_game_model_characters_TalkNode(self, id, text, choices):
    _set(self, 'id', id)
    _set(self, 'text', text)
    _set(self, 'choices', choices)


def init_game_model_characters_Topic(self, id, words, replies, tell):
    _set(self, 'id', id)
    _set(self, 'words', words)
    _set(self, 'replies', replies)
    _set(self, 'tell', tell)


def init_game_model_endings_Ending(self, id, title, text, kind, where, epilogue):
    _set(self, 'id', id)
    _set(self, 'title', title)
    _set(self, 'text', text)
    _set(self, 'kind', kind)
    _set(self, 'where', where)
    _set(self, 'epilogue', epilogue)


def init_game_model_endings_Hint(self, id, when, done, hints):
    _set(self, 'id', id)
    _set(self, 'when', when)
    _set(self, 'done', done)
    _set(self, 'hints', hints)


def init_game_model_events_Event(self, id, trigger, when, say, do, once, priority, where):
    _set(self, 'id', id)
    _set(self, 'trigger', trigger)
    _set(self, 'when', when)
    _set(self, 'say', say)
    _set(self, 'do', do)
    _set(self, 'once', once)
    _set(self, 'priority', priority)
    _set(self, 'where', where)


def init_game_model_events_Trigger(self, kind, a, b, n, after):
    _set(self, 'kind', kind)
    _set(self, 'a', a)
    _set(self, 'b', b)
    _set(self, 'n', n)
    _set(self, 'after', after)


def init_game_model_fields_Variant(self, when, text):
    _set(self, 'when', when)
    _set(self, 'text', text)


def init_game_model_items_ContainerSpec(self, open, openable, locked, key, capacity, transparent, supporter):
    _set(self, 'open', open)
    _set(self, 'openable', openable)
    _set(self, 'locked', locked)
    _set(self, 'key', key)
    _set(self, 'capacity', capacity)
    _set(self, 'transparent', transparent)
    _set(self, 'supporter', supporter)


def init_game_model_items_Item(self, id, name, nouns, adjectives, description, location, initial, portable, fixed, plural, proper, points, light, lit, readable, wearable, edible, drinkable, container, door, use, on, where, variants, messages):
    _set(self, 'id', id)
    _set(self, 'name', name)
    _set(self, 'nouns', nouns)
    _set(self, 'adjectives', adjectives)
    _set(self, 'description', description)
    _set(self, 'location', location)
    _set(self, 'initial', initial)
    _set(self, 'portable', portable)
    _set(self, 'fixed', fixed)
    _set(self, 'plural', plural)
    _set(self, 'proper', proper)
    _set(self, 'points', points)
    _set(self, 'light', light)
    _set(self, 'lit', lit)
    _set(self, 'readable', readable)
    _set(self, 'wearable', wearable)
    _set(self, 'edible', edible)
    _set(self, 'drinkable', drinkable)
    _set(self, 'container', container)
    _set(self, 'door', door)
    _set(self, 'use', use)
    _set(self, 'on', _make_on() if on is _NOTHING else on)
    _set(self, 'where', where)
    _set(self, 'variants', variants)
    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)


def init_game_model_items_UseRule(self, on, response):
    _set(self, 'on', on)
    _set(self, 'response', response)


def init_game_model_layers_Entry(self, ctx, node, layer, where):
    _set(self, 'ctx', ctx)
    _set(self, 'node', node)
    _set(self, 'layer', layer)
    _set(self, 'where', where)


def init_game_model_layers_LayerReport(self, folder, added, extended, replaced):
    _set(self, 'folder', folder)
    _set(self, 'added', added)
    _set(self, 'extended', extended)
    _set(self, 'replaced', replaced)


def init_game_model_layers_Layers(self, folders, entries, reports):
    _set(self, 'folders', folders)
    _set(self, 'entries', _make_entries() if entries is _NOTHING else entries)
    _set(self, 'reports', _make_reports() if reports is _NOTHING else reports)


def init_game_model_logic_Condition(self, op, args, where):
    _set(self, 'op', op)
    _set(self, 'args', args)
    _set(self, 'where', where)


def init_game_model_logic_Effect(self, op, args, where):
    _set(self, 'op', op)
    _set(self, 'args', args)
    _set(self, 'where', where)


def init_game_model_logic_Response(self, when, say, do, where):
    _set(self, 'when', when)
    _set(self, 'say', say)
    _set(self, 'do', do)
    _set(self, 'where', where)


def init_game_model_problems_Problem(self, path, line, col, message, fix, severity):
    _set(self, 'path', path)
    _set(self, 'line', line)
    _set(self, 'col', col)
    _set(self, 'message', message)
    _set(self, 'fix', fix)
    _set(self, 'severity', severity)


def init_game_model_reader_Ref(self, kind, value, where, what):
    _set(self, 'kind', kind)
    _set(self, 'value', value)
    _set(self, 'where', where)
    _set(self, 'what', what)


def init_game_model_reader_Where(self, path, line, col):
    _set(self, 'path', path)
    _set(self, 'line', line)
    _set(self, 'col', col)


def init_game_model_rooms_Exit(self, direction, to, door, when, refuse, hidden_until, one_way, where):
    _set(self, 'direction', direction)
    _set(self, 'to', to)
    _set(self, 'door', door)
    _set(self, 'when', when)
    _set(self, 'refuse', refuse)
    _set(self, 'hidden_until', hidden_until)
    _set(self, 'one_way', one_way)
    _set(self, 'where', where)


def init_game_model_rooms_Room(self, id, name, region, description, first, variants, dark, dark_description, points, exits, scenery, on, items, where, messages, dark_when):
    _set(self, 'id', id)
    _set(self, 'name', name)
    _set(self, 'region', region)
    _set(self, 'description', description)
    _set(self, 'first', first)
    _set(self, 'variants', variants)
    _set(self, 'dark', dark)
    _set(self, 'dark_description', dark_description)
    _set(self, 'points', points)
    _set(self, 'exits', exits)
    _set(self, 'scenery', scenery)
    _set(self, 'on', _make_on() if on is _NOTHING else on)
    _set(self, 'items', items)
    _set(self, 'where', where)
    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)
    _set(self, 'dark_when', dark_when)


def init_game_model_rooms_Scenery(self, id, nouns, adjectives, description, name, on, messages):
    _set(self, 'id', id)
    _set(self, 'nouns', nouns)
    _set(self, 'adjectives', adjectives)
    _set(self, 'description', description)
    _set(self, 'name', name)
    _set(self, 'on', _make_on() if on is _NOTHING else on)
    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)


def init_game_model_start_GameInfo(self, title, release, author, intro, undo_limit, winning, clock):
    _set(self, 'title', title)
    _set(self, 'release', release)
    _set(self, 'author', author)
    _set(self, 'intro', intro)
    _set(self, 'undo_limit', undo_limit)
    _set(self, 'winning', winning)
    _set(self, 'clock', clock)


def init_game_model_start_Player(self, start, inventory, condition):
    _set(self, 'start', start)
    _set(self, 'inventory', inventory)
    _set(self, 'condition', condition)


def init_game_model_statemachine_StateInfo(self, id, label, description, present, follows, hostile, route, every, wander, chance, forbid, refuse, heard_from):
    _set(self, 'id', id)
    _set(self, 'label', label)
    _set(self, 'description', description)
    _set(self, 'present', present)
    _set(self, 'follows', follows)
    _set(self, 'hostile', hostile)
    _set(self, 'route', route)
    _set(self, 'every', every)
    _set(self, 'wander', wander)
    _set(self, 'chance', chance)
    _set(self, 'forbid', forbid)
    _set(self, 'refuse', refuse)
    _set(self, 'heard_from', heard_from)


def init_game_model_statemachine_StateMachine(self, initial, states, transitions, automatic):
    _set(self, 'initial', initial)
    _set(self, 'states', states)
    _set(self, 'transitions', transitions)
    _set(self, 'automatic', automatic)
    _set(self, '_auto_cache', _make__auto_cache())


def init_game_model_statemachine_Transition(self, sources, to, when, after, say, do, where, heard, heard_from):
    _set(self, 'sources', sources)
    _set(self, 'to', to)
    _set(self, 'when', when)
    _set(self, 'after', after)
    _set(self, 'say', say)
    _set(self, 'do', do)
    _set(self, 'where', where)
    _set(self, 'heard', heard)
    _set(self, 'heard_from', heard_from)


def init_game_model_testspecs_WorldTest(self, id, commands, expect, where, start, lines):
    _set(self, 'id', id)
    _set(self, 'commands', commands)
    _set(self, 'expect', expect)
    _set(self, 'where', where)
    _set(self, 'start', start)
    _set(self, 'lines', lines)


def init_game_model_world_World(self, info, player, rooms, items, characters, events, endings, hints, tests, files, layers, messages, on, exits, door_rooms, events_by_kind, max_score, movers, events_by_key, self_changing, scenery, lexicon, vocab):
    _set(self, 'info', info)
    _set(self, 'player', player)
    _set(self, 'rooms', rooms)
    _set(self, 'items', items)
    _set(self, 'characters', characters)
    _set(self, 'events', events)
    _set(self, 'endings', endings)
    _set(self, 'hints', hints)
    _set(self, 'tests', tests)
    _set(self, 'files', files)
    _set(self, 'layers', layers)
    _set(self, 'messages', _make_messages() if messages is _NOTHING else messages)
    _set(self, 'on', _make_on() if on is _NOTHING else on)
    _set(self, 'exits', _make_exits() if exits is _NOTHING else exits)
    _set(self, 'door_rooms', _make_door_rooms() if door_rooms is _NOTHING else door_rooms)
    _set(self, 'events_by_kind', _make_events_by_kind() if events_by_kind is _NOTHING else events_by_kind)
    _set(self, 'max_score', max_score)
    _set(self, 'movers', movers)
    _set(self, 'events_by_key', _make_events_by_key() if events_by_key is _NOTHING else events_by_key)
    _set(self, 'self_changing', self_changing)
    _set(self, 'scenery', _make_scenery() if scenery is _NOTHING else scenery)
    _set(self, 'lexicon', lexicon)
    _set(self, 'vocab', _make_vocab() if vocab is _NOTHING else vocab)


def init_game_plain_PlainOptions(self, status, ascii, decorate):
    _set(self, 'status', status)
    _set(self, 'ascii', ascii)
    _set(self, 'decorate', decorate)


def init_game_saves_checkpoint_Checkpoint(self, game, lines, offset, digest, snapshot, history):
    _set(self, 'game', game)
    _set(self, 'lines', lines)
    _set(self, 'offset', offset)
    _set(self, 'digest', digest)
    _set(self, 'snapshot', snapshot)
    _set(self, 'history', history)


def init_game_saves_format_LogEntry(self, command, out, state, excerpt):
    _set(self, 'command', command)
    _set(self, 'out', out)
    _set(self, 'state', state)
    _set(self, 'excerpt', excerpt)


def init_game_saves_format_SaveFile(self, world, created, label, location, turn, ending, seed, log, snapshot, history, engine, format, min_compatible):
    _set(self, 'world', world)
    _set(self, 'created', created)
    _set(self, 'label', label)
    _set(self, 'location', location)
    _set(self, 'turn', turn)
    _set(self, 'ending', ending)
    _set(self, 'seed', seed)
    _set(self, 'log', log)
    _set(self, 'snapshot', snapshot)
    _set(self, 'history', history)
    _set(self, 'engine', engine)
    _set(self, 'format', format)
    _set(self, 'min_compatible', min_compatible)


def init_game_saves_identity_WorldId(self, title, release, hash):
    _set(self, 'title', title)
    _set(self, 'release', release)
    _set(self, 'hash', hash)


def init_game_saves_journal_Contents(self, header, records, first, end, notes):
    _set(self, 'header', header)
    _set(self, 'records', records)
    _set(self, 'first', first)
    _set(self, 'end', end)
    _set(self, 'notes', notes)


def init_game_saves_journal_Header(self, game, world, seed, created, engine, origin):
    _set(self, 'game', game)
    _set(self, 'world', world)
    _set(self, 'seed', seed)
    _set(self, 'created', created)
    _set(self, 'engine', engine)
    _set(self, 'origin', origin)


def init_game_saves_journal_Record(self, command, out, state, excerpt, turn, location):
    _set(self, 'command', command)
    _set(self, 'out', out)
    _set(self, 'state', state)
    _set(self, 'excerpt', excerpt)
    _set(self, 'turn', turn)
    _set(self, 'location', location)


def init_game_saves_recordings_Summary(self, game, path, created, played, lines, turn, location, size, in_use, origin, last, problem):
    _set(self, 'game', game)
    _set(self, 'path', path)
    _set(self, 'created', created)
    _set(self, 'played', played)
    _set(self, 'lines', lines)
    _set(self, 'turn', turn)
    _set(self, 'location', location)
    _set(self, 'size', size)
    _set(self, 'in_use', in_use)
    _set(self, 'origin', origin)
    _set(self, 'last', last)
    _set(self, 'problem', problem)


def init_game_saves_reopen_Opened(self, header, state, contents, notes):
    _set(self, 'header', header)
    _set(self, 'state', state)
    _set(self, 'contents', contents)
    _set(self, 'notes', notes)


def init_game_saves_store_Loaded(self, save, state, path, notes):
    _set(self, 'save', save)
    _set(self, 'state', state)
    _set(self, 'path', path)
    _set(self, 'notes', notes)
