"""The words deckgen itself puts on slides and in notes, in the deck's language.

Everything else on a slide comes from the outline; these few labels ("Agenda",
"Discussion", "(cont.)", a question's kind) follow the outline's ``language``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckgen.plan.languages import script


@dataclass(frozen=True)
class Labels:
    """Fixed texts of a deck; ``{}`` fields are filled with minutes, numbers or titles."""

    language: str = "en"
    """The language these labels are written in."""
    thesis: str = "Thesis"
    agenda: str = "Agenda"
    discussion: str = "Discussion"
    takeaways: str = "Takeaways"
    references: str = "References"
    kinds: dict[str, str] = field(default_factory=lambda: {
        "warm-up": "Warm-up", "analysis": "Analysis", "application": "Application", "reflection": "Reflection",
    })
    minutes: str = "{} min"
    continued: str = " (cont.)"
    running_time: str = "Planned running time: {}"
    running_order: str = "Running order"
    session: str = " (session: {})"
    part: str = "Part {} of {}"
    part_minutes: str = " · {} planned."
    timing: str = "Timing: {}."
    follow_ups: str = "Follow-ups:"
    continued_from: str = "Continued from '{}'."
    total_running: str = "Total running time: {}"
    planned_session: str = " (planned session: {})"
    source: str = "Source"
    thesis_notes: str = "State the article's central argument, then move to the agenda."
    takeaways_notes: str = "Close by asking which takeaway the room would challenge."
    sentence_end: str = "."
    opening: str = "Opening"
    formats: dict[str, str] = field(default_factory=lambda: {
        "whole-room": "Whole room", "pairs": "Pairs", "small-groups": "Small groups", "vote": "Vote", "write": "Write",
    })
    time_check: str = "{} · {} of {}"
    """Opening line of a divider's or question's notes: clock time, elapsed and planned minutes."""
    options: str = "Options:"
    end: str = "End"
    run_sheet: str = "Run-sheet"
    run_sheet_columns: tuple[str, ...] = ("Time", "Slide", "Segment", "Min", "Total")
    preparation: str = "Preparation"
    further_reading: str = "Further reading"
    slide: str = "slide {}"
    your_notes: str = "Your answer"
    handout: str = "Handout"
    colon: str = ": "
    """Between a label and its text ("Source: ...")."""


SIMPLIFIED_CHINESE = Labels(
    language="zh-CN",
    thesis="核心论点",
    agenda="议程",
    discussion="讨论",
    takeaways="要点总结",
    references="参考资料",
    kinds={"warm-up": "热身", "analysis": "分析", "application": "应用", "reflection": "反思"},
    minutes="{} 分钟",
    continued="（续）",
    running_time="计划时长：{}",
    running_order="流程",
    session="（研讨时长：{}）",
    part="第 {} 部分，共 {} 部分",
    part_minutes="，计划 {}。",
    timing="时长：{}。",
    follow_ups="追问：",
    continued_from="接上页“{}”。",
    total_running="总时长：{}",
    planned_session="（计划研讨时长：{}）",
    source="来源",
    thesis_notes="先陈述文章的核心论点，再进入议程。",
    takeaways_notes="最后请大家说说最想反驳哪一条要点。",
    sentence_end="。",
    opening="开场",
    formats={"whole-room": "全体讨论", "pairs": "两人一组", "small-groups": "小组讨论", "vote": "投票", "write": "书面作答"},
    time_check="{} · 已进行 {} 分钟，共 {}",
    options="选项：",
    end="结束",
    run_sheet="流程表",
    run_sheet_columns=("时间", "幻灯片", "环节", "分钟", "累计"),
    preparation="课前准备",
    further_reading="延伸阅读",
    slide="第 {} 页",
    your_notes="你的回答",
    handout="讲义",
    colon="：",
)

TRADITIONAL_CHINESE = Labels(
    language="zh-TW",
    thesis="核心論點",
    agenda="議程",
    discussion="討論",
    takeaways="要點總結",
    references="參考資料",
    kinds={"warm-up": "暖身", "analysis": "分析", "application": "應用", "reflection": "反思"},
    minutes="{} 分鐘",
    continued="（續）",
    running_time="計劃時長：{}",
    running_order="流程",
    session="（研討時長：{}）",
    part="第 {} 部分，共 {} 部分",
    part_minutes="，計劃 {}。",
    timing="時長：{}。",
    follow_ups="追問：",
    continued_from="接上頁「{}」。",
    total_running="總時長：{}",
    planned_session="（計劃研討時長：{}）",
    source="來源",
    thesis_notes="先陳述文章的核心論點，再進入議程。",
    takeaways_notes="最後請大家說說最想反駁哪一條要點。",
    sentence_end="。",
    opening="開場",
    formats={"whole-room": "全體討論", "pairs": "兩人一組", "small-groups": "小組討論", "vote": "投票", "write": "書面作答"},
    time_check="{} · 已進行 {} 分鐘，共 {}",
    options="選項：",
    end="結束",
    run_sheet="流程表",
    run_sheet_columns=("時間", "投影片", "環節", "分鐘", "累計"),
    preparation="課前準備",
    further_reading="延伸閱讀",
    slide="第 {} 頁",
    your_notes="你的回答",
    handout="講義",
    colon="：",
)

ENGLISH = Labels()


def labels_for(language: str) -> Labels:
    """The labels for a BCP-47 tag: Chinese (simplified or traditional), else English."""
    return {"zh-hans": SIMPLIFIED_CHINESE, "zh-hant": TRADITIONAL_CHINESE}.get(script(language) or "", ENGLISH)


def label_language(deck_language: str) -> str | None:
    """The language to tag deckgen's labels with in a deck, when it is not the deck's own.

    Screen readers pick a voice from the tag, so English labels in a Japanese deck are
    tagged English.
    """
    labels = labels_for(deck_language)
    same = labels.language.split("-")[0].lower() == deck_language.split("-")[0].lower()
    return None if same else labels.language
