"""Label normalisation shared by extraction and resolution."""

from __future__ import annotations

import re

# Bare forms that name a different body in every document (same rule as the scorer's gold).
GENERIC = re.compile(r"^(省|市|区|县|镇|乡)?(委|政府|人民政府|人大|人大常委会|政协|委办|党工委|管委会|纪委)$"
                     r"|^(经开区|开发区|高新区|经济技术开发区|政府工作报告|工作报告)$")


def strip_quotes(label: str) -> str:
    """A label without quotation or title marks (the guideline compares labels that way)."""
    return re.sub("[“”‘’\"'《》〈〉「」]", "", label)


def clean_label(text: str) -> str:
    """
    >>> clean_label("“三化三制”改革等")
    '三化三制改革'
    """
    label = strip_quotes(text).strip()
    return re.sub("等$", "", label).strip()


def qualify(label: str, area: str | None) -> str:
    """A bare body (区委, 区政府) named for the document's area (中原区委).

    >>> qualify("区委", "中原区"), qualify("区人民政府", "中原区"), qualify("市委", "中原区")
    ('中原区委', '中原区政府', '市委')
    """
    if not area or not GENERIC.match(label) or not label or label[0] != area[-1]:
        return label
    body = label[1:].replace("人民政府", "政府")
    return area + body
