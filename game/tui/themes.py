"""The game's colour themes: ash (default), blood, dawn and paper."""

from __future__ import annotations

from textual.theme import Theme

ASH = Theme(
    name="hyosan-ash",
    primary="#C8553D",
    secondary="#8A9A8B",
    accent="#E0A458",
    foreground="#D8D4CC",
    background="#141414",
    surface="#1D1C1B",
    panel="#2A2523",
    warning="#E0A458",
    error="#E5484D",
    success="#7FA87A",
    dark=True,
)

BLOOD = Theme(
    name="hyosan-blood",
    primary="#B3001B",
    secondary="#7A1F2B",
    accent="#FF4D4D",
    foreground="#F2D7D5",
    background="#120607",
    surface="#1E0A0C",
    panel="#3A0E13",
    warning="#FF8C42",
    error="#FF2E3F",
    success="#9BC53D",
    dark=True,
)

DAWN = Theme(
    name="hyosan-dawn",
    primary="#E07A5F",
    secondary="#3D405B",
    accent="#F2CC8F",
    foreground="#F4F1DE",
    background="#1B1D2A",
    surface="#23263A",
    panel="#3D405B",
    warning="#F2CC8F",
    error="#E63946",
    success="#81B29A",
    dark=True,
)

PAPER = Theme(
    name="hyosan-paper",
    primary="#8C1C13",
    secondary="#5C5346",
    accent="#A4442F",
    foreground="#2B2622",
    background="#F3EEE3",
    surface="#E9E2D3",
    panel="#DDD3BF",
    warning="#9A5B00",
    error="#B3001B",
    success="#3E6B35",
    dark=False,
)

THEMES = (ASH, BLOOD, DAWN, PAPER)
DEFAULT_THEME = ASH.name
