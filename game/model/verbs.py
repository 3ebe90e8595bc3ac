"""The action names a world may respond to (`on:` keys, action triggers)."""

ACTIONS = frozenset(
    """
    look examine search read take drop put insert remove wear take_off open close lock unlock
    push pull turn switch_on switch_off light attack throw give show ask tell talk say listen
    smell touch taste eat drink climb jump enter go hide wait sleep think inventory yes no use
    flee fight shout dig burn cut wake kiss sing pray follow stop free help cure inject call
    knock break pour fill empty tie untie write wave
    plug connect attach pry sit stand blow buy consult squeeze set swing swim sorry swear
    transfer rub oil tune
    """.split()
)
