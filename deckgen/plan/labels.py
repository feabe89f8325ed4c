"""The words deckgen itself puts on slides and in notes, in the deck's language.

Everything else on a slide comes from the outline; these few labels ("Agenda",
"Discussion", "(cont.)", a question's kind, the default footer, the byline) follow the
outline's ``language``. A language without a table gets the English labels, and the
planner says so (:func:`has_labels`). A label with a count has a text per plural category
of its language (:data:`~deckgen.plan.plurals.Forms`): "1 question", "2 questions"; Arabic
"سؤالان" (two), "3 أسئلة" (three to ten), "11 سؤالًا" (eleven to ninety-nine).
"""

from __future__ import annotations

import re
from dataclasses import field, replace

from deckgen.plan.languages import script
from deckgen.plan.plurals import Forms
from deckgen.records import record


@record(frozen=True)
class Labels:
    """Fixed texts of a deck; ``{}`` fields are filled with minutes, numbers or titles."""

    language: str = "en"
    """The language these labels are written in."""
    thesis: str = "Thesis"
    agenda: str = "Agenda"
    discussion: str = "Discussion"
    takeaways: str = "Takeaways"
    references: str = "References"
    source: str = "Source"
    """Heading of the article under discussion on the References slide (and in the guide)."""
    further_reading: str = "Further reading"
    """Heading of the outline's ``references`` on the References slide."""
    footer: str = "Discussion guide"
    """The footer of a deck whose outline sets none and whose template's brand file says this."""
    kinds: dict[str, str] = field(default_factory=lambda: {
        "warm-up": "Warm-up", "analysis": "Analysis", "application": "Application", "reflection": "Reflection",
    })
    minutes: Forms = field(default_factory=lambda: {"other": "{} min"})
    """A number of minutes, per plural category (see :mod:`deckgen.plan.plurals`)."""
    continued: str = " (cont.)"
    running_time: str = "Planned running time: {}"
    running_order: str = "Running order"
    session: str = " (session: {})"
    part: str = "Part {} of {}"
    part_minutes: Forms = field(default_factory=lambda: {"other": " · {} planned."})
    """After "Part 1 of 3" in a divider's notes: the part's minutes (their count picks the form)."""
    timing: str = "Timing: {}."
    follow_ups: str = "Follow-ups:"
    continued_from: str = "Continued from '{}'."
    total_running: str = "Total running time: {}"
    planned_session: str = " (planned session: {})"
    thesis_notes: str = "State the article's central argument, then move to the agenda."
    takeaways_notes: str = "Close by asking which takeaway the room would challenge."
    byline: str = "{author} — {title}"
    """The title slide's source line when the article's title differs from the deck's."""
    byline_author: str = "Article by {author}"
    """The source line when the deck is titled after the article (no title said twice)."""
    cited: str = "{author} — {title}"
    """A citation's author and title; its date, note and address follow (:func:`sentence_break`)."""
    cited_title: str = "{title}"
    """A citation's title when it names no author."""
    cited_date: str = " ({})"
    """After a citation's author and title: when it was published (or :attr:`undated`)."""
    attribution: str = "— {}"
    """A quotation's attribution line."""
    welcome: str = "Welcome, and thank you for coming."
    topic: str = "Today we discuss “{title}”."
    topic_by: str = "Today we discuss “{title}” by {author}."
    plan_parts: Forms = field(default_factory=lambda: {
        "one": "We will work through {parts} part, then discuss together.",
        "other": "We will work through {parts} parts, then discuss together.",
    })
    plan_time: str = "We have {minutes}."
    discussion_count: Forms = field(default_factory=lambda: {
        "one": "{count} question · {minutes}", "other": "{count} questions · {minutes}",
    })
    """The Discussion divider's line: how many questions (their count picks the form) and how long."""
    discussion_notes: str = "Open the floor: the remaining questions, one slide each. Watch the time."
    references_notes: str = (
        "Point to the source for anyone who wants to read the article in full. Further reading "
        "is context from outside the article, for after the session."
    )
    sentence_end: str = "."
    discuss: str = "Discuss"
    """The label under a question slide's mark."""
    countdown: str = "Countdown"
    """The alt text of a question slide's countdown bar, before its minutes ("Countdown: 4 min")."""
    opening: str = "Opening"
    closing: str = "Closing"
    """The run-sheet's row for the takeaways, exit ticket and goodbye."""
    buffer: str = "Buffer"
    """The run-sheet's row for the minutes held in reserve."""
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
    slide: str = "slide {}"
    question_number: str = "Q{}. "
    """Before a question in the guide and its run-sheet ("Q1. Did big data help?")."""
    your_notes: str = "Your answer"
    handout: str = "Handout"
    colon: str = ": "
    """Between a label and its text ("Source: ...")."""
    objectives: str = "Objectives"
    """The guide's front page: what participants can do afterwards."""
    objectives_intro: str = "By the end, participants can:"
    synopsis: str = "Synopsis"
    undated: str = "undated"
    """In place of a source's publication date when the outline gives none."""
    session_length: str = "Session: {}"
    """The guide's front page: the planned running time."""
    shorter_lengths: str = "; shorter runs: {}"
    """After the session's length: the outline's ``shorter`` lengths."""
    list_separator: str = ", "
    optional: str = "optional"
    """A point or question cut if late, in the guide's line under its heading."""
    optional_mark: str = " (optional)"
    """After an optional question in the run-sheet and the cut list."""
    optional_part: str = " (optional: {})"
    """After a section in the run-sheet: the minutes of its optional points."""
    optional_rows: str = "Rows marked optional can be cut if you run late."
    shorter_rows: str = " The shorter runs ({}) leave them out."
    serves: str = "Serves:"
    """Before the objectives a question works towards."""
    listen_for: str = "Listen for:"
    """Before what good answers to a question contain."""
    misconceptions: str = "Misconceptions:"
    board_plan: str = "Board plan"
    if_late: str = "If you run late"
    drop_these: str = "Drop these optional items:"
    shorter_shows: str = "Shorter runs (custom shows of the deck):"
    shorter_run: Forms = field(default_factory=lambda: {
        "one": "{length}: leaves out 1 optional item ({minutes}); the run plans {total}.",
        "other": "{length}: leaves out {count} optional items ({minutes}); the run plans {total}.",
    })
    """What one ``shorter`` run leaves out (the number of items picks the form) and how long it plans."""
    epilogue: str = "Epilogue"
    epilogue_note: str = "For the facilitator: what happened after the article; not on the slides or the handout."
    exit_ticket: str = "Exit ticket"
    exit_ticket_intro: str = "Participants answer before they leave:"
    chart: str = "Chart ({})"
    """Before a chart's alt text in the guide: its type."""
    chart_types: dict[str, str] = field(default_factory=lambda: {
        "column": "column", "bar": "bar", "line": "line", "pie": "pie",
    })
    exit_ticket_notes: str = (
        "Give the room 2 minutes to answer these on a card or slip of paper, then collect the "
        "answers at the door."
    )
    qr_code: str = "QR code: {}"
    """Alt text of the References slide's QR code of the article's address."""
    quotes: tuple[str, str] = ("“", "”")
    """The marks a quotation opens and closes with: the language's own (Unicode CLDR's
    delimiters; Arabic takes the « » of common usage)."""
    option: str = "{}. {}"
    """A vote's option after its letter ("A. Helped")."""
    option_letters: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    """The letters a vote's options take, in order (A, B, C ...; Arabic أ، ب، ج ...)."""
    name: str = "Name"
    """The handout's line for the participant's name."""
    date: str = "Date"
    glossary: str = "Glossary"
    cut_here: str = "Cut here and hand in before you leave"
    """Above the handout's exit-ticket strip."""
    recap: str = "Recap"
    """The sheet for after the session: takeaways and further reading."""


_ZH_HANS = Labels(
    language="zh-CN",
    thesis="核心论点",
    agenda="议程",
    discussion="讨论",
    takeaways="要点总结",
    references="参考资料",
    source="来源",
    further_reading="延伸阅读",
    footer="讨论指南",
    discuss="讨论",
    countdown="倒计时",
    kinds={"warm-up": "热身", "analysis": "分析", "application": "应用", "reflection": "反思"},
    minutes={"other": "{} 分钟"},
    continued="（续）",
    running_time="计划时长：{}",
    running_order="流程",
    session="（研讨时长：{}）",
    part="第 {} 部分，共 {} 部分",
    part_minutes={"other": "，计划 {}。"},
    timing="时长：{}。",
    follow_ups="追问：",
    continued_from="接上一张幻灯片“{}”。",
    total_running="总时长：{}",
    planned_session="（计划研讨时长：{}）",
    thesis_notes="先陈述文章的核心论点，再进入议程。",
    takeaways_notes="最后请大家说说最想反驳哪一条要点。",
    byline="{author}：{title}",
    byline_author="原文作者：{author}",
    cited="{author}《{title}》",
    cited_title="《{title}》",
    cited_date="（{}）",
    welcome="欢迎大家，感谢各位到场。",
    topic="今天我们讨论《{title}》。",
    topic_by="今天我们讨论 {author} 的文章《{title}》。",
    plan_parts={"other": "我们先分 {parts} 个部分阅读，再一起讨论。"},
    plan_time="时间共 {minutes}。",
    discussion_count={"other": "{count} 个问题 · {minutes}"},
    discussion_notes="进入讨论环节：余下的问题每页一个。注意时间。",
    references_notes="想读全文的人可查看原文。延伸阅读是原文之外的背景资料，供会后参考。",
    sentence_end="。",
    opening="开场",
    closing="收尾",
    buffer="机动时间",
    formats={"whole-room": "全体讨论", "pairs": "两人一组", "small-groups": "小组讨论", "vote": "投票", "write": "书面作答"},
    time_check="{} · 已进行 {} 分钟，共 {}",
    options="选项：",
    end="结束",
    run_sheet="流程表",
    run_sheet_columns=("时间", "幻灯片", "环节", "分钟", "累计"),
    preparation="课前准备",
    slide="第 {} 张幻灯片",
    question_number="问题 {}：",
    your_notes="你的回答",
    handout="讲义",
    colon="：",
    objectives="学习目标",
    objectives_intro="课程结束时，参与者能够：",
    synopsis="概要",
    undated="未注明日期",
    session_length="研讨时长：{}",
    shorter_lengths="；缩短版：{}",
    list_separator="、",
    optional="可选",
    optional_mark="（可选）",
    optional_part="（可选：{}）",
    optional_rows="标有“可选”的行在时间不够时可以删去。",
    shorter_rows="缩短版（{}）不包含这些内容。",
    serves="对应目标：",
    listen_for="留意的回答：",
    misconceptions="常见误解：",
    board_plan="板书计划",
    if_late="如果时间不够",
    drop_these="可删去以下可选内容：",
    shorter_shows="缩短版（演示文稿中的自定义放映）：",
    shorter_run={"other": "{length}：删去 {count} 项可选内容（{minutes}），计划时长 {total}。"},
    epilogue="后记",
    epilogue_note="供主持人参考：文章发表之后的情况；不出现在幻灯片和讲义中。",
    exit_ticket="离场卡",
    exit_ticket_intro="参与者离开前作答：",
    chart="图表（{}）",
    chart_types={"column": "柱形图", "bar": "条形图", "line": "折线图", "pie": "饼图"},
    exit_ticket_notes="请大家用 2 分钟在卡片或纸条上回答这些问题，离场时在门口收回。",
    qr_code="二维码：{}",
    name="姓名",
    date="日期",
    glossary="术语表",
    cut_here="沿此线剪下，离场前交回",
    recap="会后回顾",
)

_ZH_HANT = replace(
    _ZH_HANS,
    language="zh-TW",
    thesis="核心論點",
    agenda="議程",
    discussion="討論",
    takeaways="要點總結",
    references="參考資料",
    further_reading="延伸閱讀",
    footer="討論指南",
    discuss="討論",
    countdown="倒數計時",
    kinds={"warm-up": "暖身", "analysis": "分析", "application": "應用", "reflection": "反思"},
    minutes={"other": "{} 分鐘"},
    continued="（續）",
    running_time="計劃時長：{}",
    session="（研討時長：{}）",
    part_minutes={"other": "，計劃 {}。"},
    timing="時長：{}。",
    continued_from="接上一張投影片「{}」。",
    quotes=("「", "」"),
    total_running="總時長：{}",
    planned_session="（計劃研討時長：{}）",
    thesis_notes="先陳述文章的核心論點，再進入議程。",
    takeaways_notes="最後請大家說說最想反駁哪一條要點。",
    byline_author="原文作者：{author}",
    welcome="歡迎大家，感謝各位到場。",
    topic="今天我們討論《{title}》。",
    topic_by="今天我們討論 {author} 的文章《{title}》。",
    plan_parts={"other": "我們先分 {parts} 個部分閱讀，再一起討論。"},
    plan_time="時間共 {minutes}。",
    discussion_count={"other": "{count} 個問題 · {minutes}"},
    discussion_notes="進入討論環節：其餘的問題每頁一個。注意時間。",
    references_notes="想讀全文的人可查看原文。延伸閱讀是原文之外的背景資料，供會後參考。",
    opening="開場",
    closing="收尾",
    buffer="機動時間",
    formats={"whole-room": "全體討論", "pairs": "兩人一組", "small-groups": "小組討論", "vote": "投票", "write": "書面作答"},
    time_check="{} · 已進行 {} 分鐘，共 {}",
    options="選項：",
    end="結束",
    run_sheet="流程表",
    run_sheet_columns=("時間", "投影片", "環節", "分鐘", "累計"),
    preparation="課前準備",
    slide="第 {} 張投影片",
    question_number="問題 {}：",
    your_notes="你的回答",
    handout="講義",
    colon="：",
    objectives="學習目標",
    objectives_intro="課程結束時，參與者能夠：",
    undated="未註明日期",
    session_length="研討時長：{}",
    shorter_lengths="；縮短版：{}",
    optional="可選",
    optional_mark="（可選）",
    optional_part="（可選：{}）",
    optional_rows="標有「可選」的列在時間不夠時可以刪去。",
    shorter_rows="縮短版（{}）不包含這些內容。",
    serves="對應目標：",
    misconceptions="常見誤解：",
    board_plan="板書計劃",
    if_late="如果時間不夠",
    drop_these="可刪去以下可選內容：",
    shorter_shows="縮短版（簡報中的自訂放映）：",
    shorter_run={"other": "{length}：刪去 {count} 項可選內容（{minutes}），計劃時長 {total}。"},
    epilogue="後記",
    epilogue_note="供主持人參考：文章發表之後的情況；不出現在投影片和講義中。",
    exit_ticket="離場卡",
    exit_ticket_intro="參與者離開前作答：",
    chart="圖表（{}）",
    chart_types={"column": "直條圖", "bar": "橫條圖", "line": "折線圖", "pie": "圓形圖"},
    exit_ticket_notes="請大家用 2 分鐘在卡片或紙條上回答這些問題，離場時在門口收回。",
    qr_code="QR 碼：{}",
    name="姓名",
    date="日期",
    glossary="術語表",
    cut_here="沿此線剪下，離場前交回",
    recap="會後回顧",
)

_JA = Labels(
    language="ja",
    thesis="主張",
    agenda="アジェンダ",
    discussion="ディスカッション",
    takeaways="まとめ",
    references="参考文献",
    source="出典",
    further_reading="関連資料",
    footer="ディスカッションガイド",
    discuss="話し合い",
    countdown="カウントダウン",
    kinds={"warm-up": "ウォームアップ", "analysis": "分析", "application": "応用", "reflection": "振り返り"},
    minutes={"other": "{}分"},
    continued="（続き）",
    running_time="予定時間：{}",
    running_order="進行順",
    session="（セッション：{}）",
    part="第{}部（全{}部）",
    part_minutes={"other": "、予定{}。"},
    timing="時間：{}。",
    follow_ups="追加の問い：",
    continued_from="「{}」の続き。",
    total_running="合計時間：{}",
    planned_session="（予定セッション：{}）",
    thesis_notes="記事の中心的な主張を述べてから、アジェンダに進みます。",
    takeaways_notes="最後に、どのまとめに異論があるかを参加者に尋ねます。",
    byline="{author}「{title}」",
    cited="{author}「{title}」",
    cited_title="「{title}」",
    cited_date="（{}）",
    byline_author="著者：{author}",
    welcome="ようこそ。お集まりいただきありがとうございます。",
    topic="今日は「{title}」について話し合います。",
    topic_by="今日は{author}の記事「{title}」について話し合います。",
    plan_parts={"other": "{parts}つのパートを順に読み、そのあと全体で話し合います。"},
    plan_time="時間は{minutes}です。",
    discussion_count={"other": "問い{count}つ · {minutes}"},
    discussion_notes="ディスカッションに入ります。残りの問いを1枚ずつ。時間に注意してください。",
    references_notes="記事の全文を読みたい人には出典を示します。関連資料は記事の外の背景情報で、セッション後の参考用です。",
    sentence_end="。",
    opening="オープニング",
    closing="クロージング",
    buffer="予備時間",
    formats={"whole-room": "全体", "pairs": "ペア", "small-groups": "小グループ", "vote": "投票", "write": "記述"},
    time_check="{} · 経過 {} 分／全 {}",
    options="選択肢：",
    end="終了",
    run_sheet="進行表",
    run_sheet_columns=("時刻", "スライド", "内容", "分", "累計"),
    preparation="事前準備",
    slide="スライド {}",
    question_number="問{}\u3000",  # an ideographic space after the number
    your_notes="あなたの答え",
    handout="配布資料",
    colon="：",
    objectives="学習目標",
    objectives_intro="終了時に、参加者は次のことができる：",
    synopsis="概要",
    undated="日付不明",
    session_length="セッション：{}",
    shorter_lengths="／短縮版：{}",
    list_separator="、",
    optional="省略可",
    optional_mark="（省略可）",
    optional_part="（省略可：{}）",
    optional_rows="「省略可」の行は、時間が足りないときに省けます。",
    shorter_rows="短縮版（{}）ではこれらを省きます。",
    serves="目標：",
    listen_for="期待される答え：",
    misconceptions="よくある誤解：",
    board_plan="板書計画",
    if_late="時間が足りないとき",
    drop_these="次の省略可の項目を省きます：",
    shorter_shows="短縮版（スライドの目的別スライドショー）：",
    shorter_run={"other": "{length}：省略可の項目{count}件（{minutes}）を省き、予定は{total}。"},
    epilogue="その後",
    epilogue_note="進行役向け：記事のその後の経緯。スライドや配布資料には載せません。",
    exit_ticket="振り返りカード",
    exit_ticket_intro="参加者が退出前に答えます：",
    chart="グラフ（{}）",
    chart_types={"column": "縦棒", "bar": "横棒", "line": "折れ線", "pie": "円"},
    exit_ticket_notes="2 分間でカードかメモ用紙にこれらの問いへ答えてもらい、退室時に出口で回収します。",
    qr_code="QR コード：{}",
    quotes=("「", "」"),
    name="氏名",
    date="日付",
    glossary="用語集",
    cut_here="ここで切り取り、退室前に提出してください",
    recap="振り返り",
)

_KO = Labels(
    language="ko",
    thesis="핵심 주장",
    agenda="진행 순서",
    discussion="토론",
    takeaways="핵심 정리",
    references="참고 자료",
    source="출처",
    further_reading="더 읽을거리",
    footer="토론 가이드",
    discuss="토론",
    countdown="카운트다운",
    kinds={"warm-up": "도입", "analysis": "분석", "application": "적용", "reflection": "성찰"},
    minutes={"other": "{}분"},
    continued=" (계속)",
    running_time="예정 시간: {}",
    running_order="진행 순서",
    session=" (세션: {})",
    part="전체 {1}부 중 {0}부",
    part_minutes={"other": " · 예정 {}."},
    timing="시간: {}.",
    follow_ups="후속 질문:",
    continued_from="'{}'에서 계속.",
    total_running="총 시간: {}",
    planned_session=" (예정 세션: {})",
    thesis_notes="기사의 핵심 주장을 말한 뒤 진행 순서로 넘어갑니다.",
    takeaways_notes="마지막으로 어떤 핵심 정리에 반론을 제기하고 싶은지 물어봅니다.",
    byline="{author}, 「{title}」",
    cited="{author}, 「{title}」",
    cited_title="「{title}」",
    byline_author="글: {author}",
    welcome="환영합니다. 와 주셔서 감사합니다.",
    topic="오늘은 「{title}」을 함께 읽고 토론합니다.",
    topic_by="오늘은 {author}의 글 「{title}」을 함께 읽고 토론합니다.",
    plan_parts={"other": "{parts}개 부분을 차례로 살펴본 뒤 함께 토론합니다."},
    plan_time="시간은 {minutes}입니다.",
    discussion_count={"other": "질문 {count}개 · {minutes}"},
    discussion_notes="토론을 시작합니다. 남은 질문을 한 장씩 다룹니다. 시간을 확인하세요.",
    references_notes="글 전체를 읽고 싶은 사람에게 출처를 알려 줍니다. 더 읽을거리는 글 밖의 배경 자료로, 세션 후 참고용입니다.",
    opening="시작",
    closing="마무리",
    buffer="예비 시간",
    formats={"whole-room": "전체", "pairs": "짝 활동", "small-groups": "소그룹", "vote": "투표", "write": "쓰기"},
    time_check="{} · {}분 경과 / 총 {}",
    options="선택지:",
    end="종료",
    run_sheet="진행표",
    run_sheet_columns=("시각", "슬라이드", "내용", "분", "누계"),
    preparation="사전 준비",
    slide="슬라이드 {}",
    question_number="질문 {}. ",
    your_notes="나의 답",
    handout="유인물",
    objectives="학습 목표",
    objectives_intro="세션이 끝나면 참가자는 다음을 할 수 있습니다:",
    synopsis="개요",
    undated="날짜 미상",
    session_length="세션: {}",
    shorter_lengths="; 단축 진행: {}",
    optional="선택",
    optional_mark=" (선택)",
    optional_part=" (선택: {})",
    optional_rows="'선택' 표시가 있는 행은 시간이 부족하면 뺄 수 있습니다.",
    shorter_rows=" 단축 진행({})에서는 이 항목들을 뺍니다.",
    serves="목표:",
    listen_for="기대하는 답:",
    misconceptions="흔한 오해:",
    board_plan="판서 계획",
    if_late="시간이 부족하면",
    drop_these="다음 선택 항목을 뺍니다:",
    shorter_shows="단축 진행(슬라이드의 사용자 지정 쇼):",
    shorter_run={"other": "{length}: 선택 항목 {count}개({minutes})를 빼고, 예정 시간은 {total}입니다."},
    epilogue="후일담",
    epilogue_note="진행자용: 기사 이후에 일어난 일. 슬라이드와 유인물에는 넣지 않습니다.",
    exit_ticket="출구 카드",
    exit_ticket_intro="참가자가 나가기 전에 답합니다:",
    chart="차트({})",
    chart_types={"column": "세로 막대형", "bar": "가로 막대형", "line": "꺾은선형", "pie": "원형"},
    exit_ticket_notes="2분 동안 카드나 쪽지에 이 질문들에 답하게 한 뒤, 나갈 때 문 앞에서 걷습니다.",
    qr_code="QR 코드: {}",
    name="이름",
    date="날짜",
    glossary="용어집",
    cut_here="여기를 잘라 나가기 전에 제출하세요",
    recap="돌아보기",
)

_DE = Labels(
    language="de",
    thesis="These",
    agenda="Ablauf",
    discussion="Diskussion",
    takeaways="Kernaussagen",
    references="Quellen",
    source="Quelle",
    further_reading="Weiterführende Literatur",
    footer="Diskussionsleitfaden",
    discuss="Diskussion",
    countdown="Countdown",
    kinds={"warm-up": "Einstieg", "analysis": "Analyse", "application": "Anwendung", "reflection": "Reflexion"},
    minutes={"other": "{} Min"},
    continued=" (Forts.)",
    running_time="Geplante Dauer: {}",
    running_order="Ablauf",
    session=" (Sitzung: {})",
    part="Teil {} von {}",
    part_minutes={"other": " · {} geplant."},
    timing="Zeit: {}.",
    follow_ups="Nachfragen:",
    continued_from="Fortsetzung von „{}“.",
    total_running="Gesamtdauer: {}",
    planned_session=" (geplante Sitzung: {})",
    thesis_notes="Nennen Sie das zentrale Argument des Artikels, dann weiter zum Ablauf.",
    takeaways_notes="Fragen Sie zum Schluss, welcher Kernaussage die Gruppe widersprechen würde.",
    byline_author="Artikel von {author}",
    welcome="Willkommen, und danke, dass Sie da sind.",
    topic="Heute diskutieren wir „{title}“.",
    topic_by="Heute diskutieren wir „{title}“ von {author}.",
    plan_parts={"one": "Wir gehen {parts} Teil durch und diskutieren dann gemeinsam.",
                "other": "Wir gehen {parts} Teile durch und diskutieren dann gemeinsam."},
    plan_time="Wir haben {minutes}.",
    discussion_count={"one": "{count} Frage · {minutes}", "other": "{count} Fragen · {minutes}"},
    discussion_notes="Die Diskussion beginnt: die übrigen Fragen, eine pro Folie. Achten Sie auf die Zeit.",
    references_notes="Nennen Sie die Quelle für alle, die den Artikel ganz lesen möchten. Die weiterführende "
                     "Literatur ist Kontext von außerhalb des Artikels, für nach der Sitzung.",
    opening="Einstieg",
    closing="Abschluss",
    buffer="Puffer",
    formats={"whole-room": "Plenum", "pairs": "Partnerarbeit", "small-groups": "Kleingruppen", "vote": "Abstimmung", "write": "Schreiben"},
    time_check="{} · {} von {}",
    options="Optionen:",
    end="Ende",
    run_sheet="Ablaufplan",
    run_sheet_columns=("Zeit", "Folie", "Abschnitt", "Min", "Summe"),
    preparation="Vorbereitung",
    slide="Folie {}",
    question_number="F{}. ",
    your_notes="Ihre Antwort",
    handout="Arbeitsblatt",
    objectives="Lernziele",
    objectives_intro="Am Ende können die Teilnehmenden:",
    synopsis="Zusammenfassung",
    undated="ohne Datum",
    session_length="Sitzung: {}",
    shorter_lengths="; kürzere Fassungen: {}",
    optional_rows="Als optional markierte Zeilen können Sie streichen, wenn die Zeit knapp wird.",
    shorter_rows=" Die kürzeren Fassungen ({}) lassen sie weg.",
    serves="Dient den Lernzielen:",
    listen_for="Achten Sie auf:",
    misconceptions="Häufige Missverständnisse:",
    board_plan="Tafelbild",
    if_late="Wenn die Zeit knapp wird",
    drop_these="Streichen Sie diese optionalen Elemente:",
    shorter_shows="Kürzere Fassungen (zielgruppenorientierte Präsentationen des Foliensatzes):",
    shorter_run={"one": "{length}: lässt ein optionales Element weg ({minutes}); geplant sind {total}.",
                 "other": "{length}: lässt die {count} optionalen Elemente weg ({minutes}); geplant sind {total}."},
    epilogue="Epilog",
    epilogue_note="Für die Moderation: was nach dem Artikel geschah; nicht auf den Folien oder dem Arbeitsblatt.",
    exit_ticket="Exit-Ticket",
    exit_ticket_intro="Die Teilnehmenden beantworten vor dem Gehen:",
    chart="Diagramm ({})",
    chart_types={"column": "Säulen", "bar": "Balken", "line": "Linien", "pie": "Kreis"},
    exit_ticket_notes=("Geben Sie der Gruppe 2 Minuten, um diese Fragen auf einer Karte oder einem Zettel zu "
                       "beantworten, und sammeln Sie die Antworten an der Tür ein."),
    qr_code="QR-Code: {}",
    quotes=("„", "“"),
    name="Name",
    date="Datum",
    glossary="Glossar",
    cut_here="Hier abtrennen und vor dem Gehen abgeben",
    recap="Rückblick",
)

_NBSP = "\u00a0"
"""French sets a no-break space before a colon."""

_FR = Labels(
    language="fr",
    thesis="Thèse",
    agenda="Programme",
    discussion="Discussion",
    takeaways="À retenir",
    references="Références",
    source="Source",
    further_reading="Pour aller plus loin",
    footer="Guide de discussion",
    discuss="Discussion",
    countdown="Compte à rebours",
    kinds={"warm-up": "Mise en route", "analysis": "Analyse", "application": "Application",
           "reflection": "Réflexion"},
    minutes={"other": "{} min"},
    continued=" (suite)",
    running_time=f"Durée prévue{_NBSP}: {{}}",
    running_order="Déroulé",
    session=f" (séance{_NBSP}: {{}})",
    part="Partie {} sur {}",
    part_minutes={"one": " · {} prévue.", "many": " · {} prévues.", "other": " · {} prévues."},
    timing=f"Durée{_NBSP}: {{}}.",
    follow_ups=f"Relances{_NBSP}:",
    continued_from=f"Suite de «{_NBSP}{{}}{_NBSP}».",
    total_running=f"Durée totale{_NBSP}: {{}}",
    planned_session=f" (séance prévue{_NBSP}: {{}})",
    thesis_notes="Énoncez l’argument central de l’article, puis passez au programme.",
    takeaways_notes="Terminez en demandant quel point à retenir le groupe contesterait.",
    byline_author="Article de {author}",
    welcome="Bienvenue, et merci d’être venus.",
    topic=f"Aujourd’hui, nous discutons de «{_NBSP}{{title}}{_NBSP}».",
    topic_by=f"Aujourd’hui, nous discutons de «{_NBSP}{{title}}{_NBSP}», de {{author}}.",
    plan_parts={"one": "Nous parcourrons {parts} partie, puis nous discuterons ensemble.",
                "many": "Nous parcourrons {parts} de parties, puis nous discuterons ensemble.",
                "other": "Nous parcourrons {parts} parties, puis nous discuterons ensemble."},
    plan_time="Nous avons {minutes}.",
    discussion_count={"one": "{count} question · {minutes}", "many": "{count} de questions · {minutes}",
                      "other": "{count} questions · {minutes}"},
    discussion_notes="Ouvrez la discussion : les questions restantes, une par diapositive. Surveillez l’heure.",
    references_notes="Indiquez la source à qui veut lire l’article en entier. « Pour aller plus loin » "
                     "donne du contexte extérieur à l’article, pour après la séance.",
    opening="Ouverture",
    closing="Clôture",
    buffer="Marge",
    formats={"whole-room": "Toute la salle", "pairs": "En binômes", "small-groups": "En petits groupes", "vote": "Vote", "write": "À l'écrit"},
    time_check="{} · {} sur {}",
    options="Options :",
    end="Fin",
    run_sheet="Déroulé",
    run_sheet_columns=("Heure", "Diapo", "Séquence", "Min", "Cumul"),
    preparation="Préparation",
    slide="diapo {}",
    question_number="Q{}. ",
    your_notes="Votre réponse",
    handout="Document participant",
    colon=" : ",
    objectives="Objectifs",
    objectives_intro=f"À la fin, les participants savent{_NBSP}:",
    synopsis="Synopsis",
    undated="non daté",
    session_length=f"Séance{_NBSP}: {{}}",
    shorter_lengths=f"{_NBSP}; versions courtes{_NBSP}: {{}}",
    optional="facultatif",
    optional_mark=" (facultatif)",
    optional_part=f" (facultatif{_NBSP}: {{}})",
    optional_rows="Les lignes marquées facultatif peuvent être coupées si vous êtes en retard.",
    shorter_rows=" Les versions courtes ({}) les laissent de côté.",
    serves=f"Objectifs visés{_NBSP}:",
    listen_for=f"Réponses attendues{_NBSP}:",
    misconceptions=f"Idées reçues{_NBSP}:",
    board_plan="Plan du tableau",
    if_late="Si vous êtes en retard",
    drop_these=f"Coupez ces éléments facultatifs{_NBSP}:",
    shorter_shows=f"Versions courtes (diaporamas personnalisés de la présentation){_NBSP}:",
    shorter_run={"one": f"{{length}}{_NBSP}: laisse de côté un élément facultatif ({{minutes}}){_NBSP}; durée prévue {{total}}.",
                 "many": f"{{length}}{_NBSP}: laisse de côté {{count}} d’éléments facultatifs ({{minutes}}){_NBSP}; "
                         "durée prévue {total}.",
                 "other": f"{{length}}{_NBSP}: laisse de côté {{count}} éléments facultatifs ({{minutes}}){_NBSP}; "
                          "durée prévue {total}."},
    epilogue="Épilogue",
    epilogue_note=f"Pour l’animateur{_NBSP}: ce qui s’est passé après l’article{_NBSP}; ni sur les diapositives, "
                  "ni dans le document participant.",
    exit_ticket="Billet de sortie",
    exit_ticket_intro=f"Les participants répondent avant de partir{_NBSP}:",
    chart="Graphique ({})",
    chart_types={"column": "histogramme", "bar": "barres", "line": "courbes", "pie": "secteurs"},
    exit_ticket_notes=("Laissez 2 minutes au groupe pour répondre à ces questions sur une fiche ou un papier, "
                       "puis ramassez les réponses à la sortie."),
    qr_code=f"Code QR{_NBSP}: {{}}",
    quotes=(f"«{_NBSP}", f"{_NBSP}»"),
    name="Nom",
    date="Date",
    glossary="Glossaire",
    cut_here="Découpez ici et rendez avant de partir",
    recap="Récapitulatif",
)

_ES = Labels(
    language="es",
    thesis="Tesis",
    agenda="Agenda",
    discussion="Debate",
    takeaways="Conclusiones",
    references="Referencias",
    source="Fuente",
    further_reading="Lecturas complementarias",
    footer="Guía de debate",
    discuss="Debate",
    countdown="Cuenta atrás",
    kinds={"warm-up": "Para empezar", "analysis": "Análisis", "application": "Aplicación",
           "reflection": "Reflexión"},
    minutes={"other": "{} min"},
    continued=" (cont.)",
    running_time="Duración prevista: {}",
    running_order="Orden de la sesión",
    session=" (sesión: {})",
    part="Parte {} de {}",
    part_minutes={"one": " · {} previsto.", "many": " · {} previstos.", "other": " · {} previstos."},
    timing="Tiempo: {}.",
    follow_ups="Preguntas de seguimiento:",
    continued_from="Continúa de «{}».",
    total_running="Duración total: {}",
    planned_session=" (sesión prevista: {})",
    thesis_notes="Presente el argumento central del artículo y pase a la agenda.",
    takeaways_notes="Cierre preguntando qué conclusión cuestionaría el grupo.",
    byline_author="Artículo de {author}",
    welcome="Bienvenidos, y gracias por venir.",
    topic="Hoy debatimos «{title}».",
    topic_by="Hoy debatimos «{title}», de {author}.",
    plan_parts={"one": "Recorreremos {parts} parte y después debatiremos juntos.",
                "many": "Recorreremos {parts} de partes y después debatiremos juntos.",
                "other": "Recorreremos {parts} partes y después debatiremos juntos."},
    plan_time="Tenemos {minutes}.",
    discussion_count={"one": "{count} pregunta · {minutes}", "many": "{count} de preguntas · {minutes}",
                      "other": "{count} preguntas · {minutes}"},
    discussion_notes="Abra el debate: las preguntas restantes, una por diapositiva. Vigile el tiempo.",
    references_notes="Indique la fuente a quien quiera leer el artículo completo. Las lecturas complementarias "
                     "son contexto ajeno al artículo, para después de la sesión.",
    opening="Apertura",
    closing="Cierre",
    buffer="Margen",
    formats={"whole-room": "Toda la sala", "pairs": "En parejas", "small-groups": "En grupos pequeños", "vote": "Votación", "write": "Por escrito"},
    time_check="{} · {} de {}",
    options="Opciones:",
    end="Fin",
    run_sheet="Guion de la sesión",
    run_sheet_columns=("Hora", "Diapositiva", "Bloque", "Min", "Total"),
    preparation="Preparación",
    slide="diapositiva {}",
    question_number="P{}. ",
    your_notes="Tu respuesta",
    handout="Material para participantes",
    objectives="Objetivos",
    objectives_intro="Al terminar, los participantes pueden:",
    synopsis="Sinopsis",
    undated="sin fecha",
    session_length="Sesión: {}",
    shorter_lengths="; versiones cortas: {}",
    optional="opcional",
    optional_mark=" (opcional)",
    optional_part=" (opcional: {})",
    optional_rows="Las filas marcadas como opcionales pueden omitirse si se le acaba el tiempo.",
    shorter_rows=" Las versiones cortas ({}) las omiten.",
    serves="Objetivos:",
    listen_for="Respuestas esperadas:",
    misconceptions="Ideas erróneas frecuentes:",
    board_plan="Plan de pizarra",
    if_late="Si va con retraso",
    drop_these="Omita estos elementos opcionales:",
    shorter_shows="Versiones cortas (presentaciones personalizadas del archivo):",
    shorter_run={"one": "{length}: omite un elemento opcional ({minutes}); duración prevista {total}.",
                 "many": "{length}: omite {count} de elementos opcionales ({minutes}); duración prevista {total}.",
                 "other": "{length}: omite {count} elementos opcionales ({minutes}); duración prevista {total}."},
    epilogue="Epílogo",
    epilogue_note="Para quien modera: lo que ocurrió después del artículo; no aparece en las diapositivas ni en el material.",
    exit_ticket="Ticket de salida",
    exit_ticket_intro="Los participantes responden antes de salir:",
    chart="Gráfico ({})",
    chart_types={"column": "columnas", "bar": "barras", "line": "líneas", "pie": "circular"},
    exit_ticket_notes=("Dé al grupo 2 minutos para responder estas preguntas en una tarjeta o un papel y recoja "
                       "las respuestas a la salida."),
    qr_code="Código QR: {}",
    quotes=("«", "»"),
    name="Nombre",
    date="Fecha",
    glossary="Glosario",
    cut_here="Corta aquí y entrégalo antes de salir",
    recap="Resumen",
)

_AR = Labels(
    language="ar",
    thesis="الأطروحة",
    agenda="جدول الأعمال",
    discussion="النقاش",
    takeaways="الخلاصات",
    references="المراجع",
    source="المصدر",
    further_reading="قراءات إضافية",
    footer="دليل النقاش",
    discuss="نقاش",
    countdown="العد التنازلي",
    kinds={"warm-up": "تمهيد", "analysis": "تحليل", "application": "تطبيق", "reflection": "تأمل"},
    minutes={"zero": "{} دقيقة", "one": "دقيقة واحدة", "two": "دقيقتان", "few": "{} دقائق", "many": "{} دقيقة",
             "other": "{} دقيقة"},
    continued=" (تابع)",
    running_time="المدة المخططة: {}",
    running_order="ترتيب الجلسة",
    session=" (مدة الجلسة: {})",
    part="الجزء {} من {}",
    part_minutes={"other": "، المدة المخططة {}."},
    timing="المدة: {}.",
    follow_ups="أسئلة متابعة:",
    continued_from="تابع من «{}».",
    total_running="المدة الإجمالية: {}",
    planned_session=" (مدة الجلسة المخططة: {})",
    thesis_notes="اعرض الحجة الرئيسية للمقال، ثم انتقل إلى جدول الأعمال.",
    takeaways_notes="اختم بسؤال الحاضرين: أي خلاصة يودّون الاعتراض عليها؟",
    byline="{author} — {title}",  # the article cited as in English: author, dash, title
    byline_author="مقال بقلم {author}",
    welcome="أهلًا بكم، وشكرًا على حضوركم.",
    topic="نناقش اليوم «{title}».",
    topic_by="نناقش اليوم مقال «{title}» بقلم {author}.",
    plan_parts={
        "zero": "سنمر على {parts} جزء، ثم نتناقش معًا.",
        "one": "سنمر على جزء واحد، ثم نتناقش معًا.",
        "two": "سنمر على جزأين، ثم نتناقش معًا.",
        "few": "سنمر على {parts} أجزاء، ثم نتناقش معًا.",
        "many": "سنمر على {parts} جزءًا، ثم نتناقش معًا.",
        "other": "سنمر على {parts} جزء، ثم نتناقش معًا.",
    },
    plan_time="لدينا {minutes}.",
    discussion_count={"zero": "{count} سؤال · {minutes}", "one": "سؤال واحد · {minutes}", "two": "سؤالان · {minutes}",
                      "few": "{count} أسئلة · {minutes}", "many": "{count} سؤالًا · {minutes}",
                      "other": "{count} سؤال · {minutes}"},
    discussion_notes="افتح باب النقاش: الأسئلة المتبقية، سؤال في كل شريحة. راقب الوقت.",
    references_notes="أشر إلى المصدر لمن يريد قراءة المقال كاملًا. القراءات الإضافية سياق من خارج المقال، لما بعد الجلسة.",
    opening="الافتتاح",
    closing="الختام",
    buffer="وقت احتياطي",
    formats={"whole-room": "القاعة كلها", "pairs": "أزواج", "small-groups": "مجموعات صغيرة", "vote": "تصويت", "write": "كتابة"},
    time_check="{} · مضى {} من {}",
    options="الخيارات:",
    end="النهاية",
    run_sheet="جدول الجلسة",
    run_sheet_columns=("الوقت", "الشريحة", "الفقرة", "دقائق", "المجموع"),
    preparation="التحضير",
    slide="الشريحة {}",
    question_number="س{}. ",
    your_notes="إجابتك",
    handout="ورقة المشاركين",
    objectives="الأهداف",
    objectives_intro="في نهاية الجلسة، يستطيع المشاركون:",
    synopsis="الملخص",
    undated="دون تاريخ",
    session_length="مدة الجلسة: {}",
    shorter_lengths="؛ نسخ أقصر: {}",
    list_separator="، ",
    optional="اختياري",
    optional_mark=" (اختياري)",
    optional_part=" (اختياري: {})",
    optional_rows="يمكن حذف الصفوف المعلَّمة «اختياري» إذا ضاق الوقت.",
    shorter_rows=" وتحذفها النسخ الأقصر ({}).",
    serves="يخدم الأهداف:",
    listen_for="ما ننتظره من إجابات:",
    misconceptions="مفاهيم خاطئة شائعة:",
    board_plan="خطة السبورة",
    if_late="إذا ضاق الوقت",
    drop_these="احذف هذه العناصر الاختيارية:",
    shorter_shows="النسخ الأقصر (عروض مخصصة في العرض التقديمي):",
    shorter_run={"zero": "{length}: تحذف {count} عنصر اختياري ({minutes})؛ المدة المخططة {total}.",
                 "one": "{length}: تحذف عنصرًا اختياريًا واحدًا ({minutes})؛ المدة المخططة {total}.",
                 "two": "{length}: تحذف عنصرين اختياريين ({minutes})؛ المدة المخططة {total}.",
                 "few": "{length}: تحذف {count} عناصر اختيارية ({minutes})؛ المدة المخططة {total}.",
                 "many": "{length}: تحذف {count} عنصرًا اختياريًا ({minutes})؛ المدة المخططة {total}.",
                 "other": "{length}: تحذف {count} عنصر اختياري ({minutes})؛ المدة المخططة {total}."},
    epilogue="خاتمة",
    epilogue_note="للميسّر: ما جرى بعد المقال؛ لا يظهر في الشرائح ولا في ورقة المشاركين.",
    exit_ticket="بطاقة الخروج",
    exit_ticket_intro="يجيب المشاركون قبل مغادرتهم:",
    chart="مخطط ({})",
    chart_types={"column": "أعمدة", "bar": "أشرطة", "line": "خطي", "pie": "دائري"},
    exit_ticket_notes=("امنح الحاضرين دقيقتين للإجابة عن هذه الأسئلة على بطاقة أو ورقة صغيرة، "
                       "ثم اجمع الإجابات عند الباب."),
    qr_code="رمز QR: {}",
    quotes=("«", "»"),
    option="{}) {}",
    option_letters=("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
                    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
    name="الاسم",
    date="التاريخ",
    glossary="مسرد المصطلحات",
    cut_here="قُصّ هنا وسلّمها قبل المغادرة",
    recap="خلاصة الجلسة",
)
"""Arabic letters options in the abjad order lists and exam questions take (أ، ب، ج، د), not
the alphabet's (أ، ب، ت، ث)."""

_HE = Labels(
    language="he",
    thesis="התזה",
    agenda="סדר היום",
    discussion="דיון",
    takeaways="מסקנות",
    references="מקורות",
    source="המקור",
    further_reading="לקריאה נוספת",
    footer="מדריך לדיון",
    discuss="דיון",
    kinds={"warm-up": "חימום", "analysis": "ניתוח", "application": "יישום", "reflection": "רפלקציה"},
    minutes={"one": "{} דקה", "two": "{} דקות", "other": "{} דקות"},
    continued=" (המשך)",
    running_time="משך מתוכנן: {}",
    running_order="סדר המפגש",
    session=" (משך המפגש: {})",
    part="חלק {} מתוך {}",
    part_minutes={"other": " · מתוכנן: {}."},
    timing="זמן: {}.",
    follow_ups="שאלות המשך:",
    continued_from="המשך של ”{}”.",
    total_running="משך כולל: {}",
    planned_session=" (משך המפגש המתוכנן: {})",
    thesis_notes="להציג את הטיעון המרכזי של המאמר, ואז לעבור לסדר היום.",
    takeaways_notes="לסיים בשאלה: עם איזו מסקנה הקבוצה הייתה מתווכחת?",
    byline="{author} — {title}",  # the article cited as in English: author, dash, title
    byline_author="מאמר מאת {author}",
    welcome="ברוכים הבאים, ותודה שבאתם.",
    topic="היום נדבר על ”{title}”.",
    topic_by="היום נדבר על ”{title}” מאת {author}.",
    plan_parts={
        "one": "נעבור על חלק אחד, ואחר כך נדון יחד.",
        "two": "נעבור על שני חלקים, ואחר כך נדון יחד.",
        "other": "נעבור על {parts} חלקים, ואחר כך נדון יחד.",
    },
    plan_time="יש לנו {minutes}.",
    discussion_count={"one": "שאלה אחת · {minutes}", "two": "שתי שאלות · {minutes}",
                      "other": "{count} שאלות · {minutes}"},
    discussion_notes="לפתוח את הדיון: השאלות הנותרות, שאלה אחת בכל שקף. לשים לב לזמן.",
    references_notes="להפנות למקור את מי שרוצה לקרוא את המאמר במלואו. הקריאה הנוספת היא הקשר מחוץ למאמר, לאחר המפגש.",
    opening="פתיחה",
    closing="סיום",
    buffer="זמן רזרבה",
    formats={"whole-room": "כל הקבוצה", "pairs": "בזוגות", "small-groups": "בקבוצות קטנות", "vote": "הצבעה",
             "write": "כתיבה"},
    time_check="{} · עברו {} מתוך {}",
    options="אפשרויות:",
    end="סוף",
    run_sheet="מהלך המפגש",
    run_sheet_columns=("שעה", "שקף", "שלב", "דקות", "מצטבר"),
    preparation="הכנה",
    slide="שקף {}",
    question_number="שאלה {}: ",
    your_notes="התשובה שלך",
    handout="דף למשתתפים",
    attribution="— {}",  # Hebrew attributes a quotation with the same dash as English
    sentence_end=".",  # Hebrew ends a sentence with the Latin full stop
    countdown="ספירה לאחור",
    colon=": ",  # Hebrew sets a colon as English does
    objectives="מטרות",
    objectives_intro="בסוף המפגש המשתתפים יוכלו:",
    synopsis="תקציר",
    undated="ללא תאריך",
    session_length="משך המפגש: {}",
    shorter_lengths="; גרסאות מקוצרות: {}",
    list_separator=", ",  # Hebrew separates a list with the Latin comma
    optional="רשות",
    optional_mark=" (רשות)",
    optional_part=" (רשות: {})",
    optional_rows="אם הזמן דוחק, אפשר לוותר על השורות המסומנות ”רשות”.",
    shorter_rows=" הגרסאות המקוצרות ({}) משמיטות אותן.",
    serves="משרתת את המטרות:",
    listen_for="למה להקשיב:",
    misconceptions="תפיסות שגויות:",
    board_plan="תכנון הלוח",
    if_late="אם הזמן דוחק",
    drop_these="לוותר על פריטי הרשות האלה:",
    shorter_shows="גרסאות מקוצרות (הצגות מותאמות אישית במצגת):",
    shorter_run={"one": "{length}: ללא פריט רשות אחד ({minutes}); משך מתוכנן: {total}.",
                 "two": "{length}: ללא שני פריטי רשות ({minutes}); משך מתוכנן: {total}.",
                 "other": "{length}: ללא {count} פריטי רשות ({minutes}); משך מתוכנן: {total}."},
    epilogue="אחרית דבר",
    epilogue_note="למנחה: מה קרה אחרי המאמר; לא מופיע בשקפים ולא בדף למשתתפים.",
    exit_ticket="כרטיס יציאה",
    exit_ticket_intro="המשתתפים עונים לפני היציאה:",
    chart="תרשים ({})",
    chart_types={"column": "עמודות", "bar": "פסים", "line": "קו", "pie": "עוגה"},
    exit_ticket_notes="לתת לקבוצה שתי דקות לענות על השאלות האלה בכרטיס או בפתק, ואז לאסוף את התשובות ליד הדלת.",
    qr_code="קוד QR: {}",
    name="שם",
    date="תאריך",
    glossary="מילון מונחים",
    cut_here="לגזור כאן ולמסור לפני היציאה",
    recap="סיכום המפגש",
    quotes=("”", "”"),
    option="{}. {}",  # Hebrew letters options as English does: א. ב. ג.
    option_letters=tuple("אבגדהוזחטיכלמנסעפצקרשת"),
)
"""Hebrew: instructions to the facilitator in the infinitive, as Hebrew instructions are
written; options lettered א, ב, ג; CLDR's quotation marks (” ”)."""

_FA = Labels(
    language="fa",
    thesis="ادعای اصلی",
    agenda="دستور جلسه",
    discussion="گفت‌وگو",
    takeaways="جمع‌بندی",
    references="منابع",
    source="منبع",
    further_reading="برای مطالعهٔ بیشتر",
    footer="راهنمای گفت‌وگو",
    discuss="گفت‌وگو",
    kinds={"warm-up": "مقدمه", "analysis": "تحلیل", "application": "کاربرد", "reflection": "تأمل"},
    minutes={"other": "{} دقیقه"},
    continued=" (ادامه)",
    running_time="مدت پیش‌بینی‌شده: {}",
    running_order="ترتیب جلسه",
    session=" (مدت جلسه: {})",
    part="بخش {} از {}",
    part_minutes={"other": "، زمان پیش‌بینی‌شده: {}."},
    timing="زمان: {}.",
    follow_ups="پرسش‌های پیگیری:",
    continued_from="ادامهٔ «{}».",
    total_running="مدت کل: {}",
    planned_session=" (مدت پیش‌بینی‌شدهٔ جلسه: {})",
    thesis_notes="ادعای اصلی مقاله را بیان کنید، سپس به دستور جلسه بروید.",
    takeaways_notes="در پایان بپرسید که جمع با کدام نکته از جمع‌بندی مخالف است.",
    byline="{author} — {title}",  # the article cited as in English: author, dash, title
    byline_author="مقاله‌ای از {author}",
    welcome="خوش آمدید، و از حضورتان سپاسگزاریم.",
    topic="امروز دربارهٔ «{title}» گفت‌وگو می‌کنیم.",
    topic_by="امروز دربارهٔ مقالهٔ «{title}» نوشتهٔ {author} گفت‌وگو می‌کنیم.",
    plan_parts={"other": "ابتدا {parts} بخش را مرور می‌کنیم، سپس با هم گفت‌وگو می‌کنیم."},
    plan_time="{minutes} وقت داریم.",
    discussion_count={"other": "{count} پرسش · {minutes}"},
    discussion_notes="گفت‌وگو را آغاز کنید: پرسش‌های باقی‌مانده، هر اسلاید یک پرسش. مراقب زمان باشید.",
    references_notes="منبع را به کسانی که می‌خواهند کل مقاله را بخوانند نشان دهید. «برای مطالعهٔ بیشتر» زمینه‌ای "
                     "بیرون از مقاله است، برای پس از جلسه.",
    opening="شروع",
    closing="پایان جلسه",
    buffer="زمان ذخیره",
    formats={"whole-room": "همهٔ جمع", "pairs": "دونفره", "small-groups": "گروه‌های کوچک", "vote": "رأی‌گیری",
             "write": "نوشتن"},
    time_check="{} · {} از {} گذشته",
    options="گزینه‌ها:",
    end="پایان",
    run_sheet="برنامهٔ جلسه",
    run_sheet_columns=("ساعت", "اسلاید", "بخش", "دقیقه", "جمع"),
    preparation="آماده‌سازی",
    slide="اسلاید {}",
    question_number="پرسش {}: ",
    your_notes="پاسخ شما",
    handout="برگهٔ شرکت‌کنندگان",
    attribution="— {}",  # Persian attributes a quotation with the same dash as English
    sentence_end=".",  # Persian ends a sentence with the Latin full stop
    countdown="شمارش معکوس",
    colon=": ",  # Persian sets a colon as English does
    objectives="اهداف",
    objectives_intro="در پایان جلسه، شرکت‌کنندگان می‌توانند:",
    synopsis="خلاصه",
    undated="بی‌تاریخ",
    session_length="مدت جلسه: {}",
    shorter_lengths="؛ نسخه‌های کوتاه‌تر: {}",
    list_separator="، ",
    optional="اختیاری",
    optional_mark=" (اختیاری)",
    optional_part=" (اختیاری: {})",
    optional_rows="اگر وقت کم آمد، می‌توانید ردیف‌های «اختیاری» را حذف کنید.",
    shorter_rows=" نسخه‌های کوتاه‌تر ({}) این ردیف‌ها را ندارند.",
    serves="اهداف مرتبط:",
    listen_for="در پاسخ‌ها دنبال این باشید:",
    misconceptions="برداشت‌های نادرست رایج:",
    board_plan="طرح تخته",
    if_late="اگر وقت کم آمد",
    drop_these="این موارد اختیاری را حذف کنید:",
    shorter_shows="نسخه‌های کوتاه‌تر (نمایش‌های سفارشی در فایل ارائه):",
    shorter_run={"other": "{length}: {count} مورد اختیاری حذف می‌شود ({minutes})؛ زمان پیش‌بینی‌شده: {total}."},
    epilogue="پس‌گفتار",
    epilogue_note="برای تسهیل‌گر: آنچه پس از مقاله رخ داد؛ در اسلایدها و برگهٔ شرکت‌کنندگان نمی‌آید.",
    exit_ticket="کارت خروج",
    exit_ticket_intro="شرکت‌کنندگان پیش از رفتن پاسخ می‌دهند:",
    chart="نمودار ({})",
    chart_types={"column": "ستونی", "bar": "میله‌ای", "line": "خطی", "pie": "دایره‌ای"},
    exit_ticket_notes=("دو دقیقه به جمع فرصت دهید تا روی کارت یا تکه‌ای کاغذ به این پرسش‌ها پاسخ دهند، سپس "
                       "پاسخ‌ها را دم در جمع کنید."),
    qr_code="کد QR: {}",
    name="نام",
    date="تاریخ",
    glossary="واژه‌نامه",
    cut_here="از اینجا ببرید و پیش از رفتن تحویل دهید",
    recap="مرور جلسه",
    quotes=("«", "»"),
    option="{}) {}",
    option_letters=("الف", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ی", "ک", "ل", "م", "ن", "س", "ع", "ف", "ص",
                    "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
)
"""Persian: a noun after a number stays singular ("5 دقیقه", "3 پرسش"), so counted labels
have one form; options lettered الف، ب، ج، د in abjad order, as Iranian textbooks and laws
letter their items."""

_UR = Labels(
    language="ur",
    thesis="مرکزی دعویٰ",
    agenda="ایجنڈا",
    discussion="بحث",
    takeaways="اہم نکات",
    references="حوالہ جات",
    source="ماخذ",
    further_reading="مزید مطالعہ",
    footer="بحث کی رہنمائی",
    discuss="بحث",
    kinds={"warm-up": "تمہید", "analysis": "تجزیہ", "application": "اطلاق", "reflection": "غور و فکر"},
    minutes={"other": "{} منٹ"},
    continued=" (جاری)",
    running_time="طے شدہ دورانیہ: {}",
    running_order="نشست کی ترتیب",
    session=" (نشست: {})",
    part="حصہ {} از {}",
    part_minutes={"other": "، طے شدہ وقت: {}۔"},
    timing="وقت: {}۔",
    follow_ups="مزید سوالات:",
    continued_from="”{}“ سے جاری۔",
    total_running="کل دورانیہ: {}",
    planned_session=" (طے شدہ نشست: {})",
    thesis_notes="مضمون کا مرکزی دعویٰ بیان کریں، پھر ایجنڈے کی طرف بڑھیں۔",
    takeaways_notes="آخر میں پوچھیں کہ شرکا کس نکتے سے اختلاف کریں گے۔",
    byline="{author} — {title}",  # the article cited as in English: author, dash, title
    byline_author="مضمون نگار: {author}",
    welcome="خوش آمدید، اور تشریف لانے کا شکریہ۔",
    topic="آج ہم ”{title}“ پر بات کریں گے۔",
    topic_by="آج ہم {author} کے مضمون ”{title}“ پر بات کریں گے۔",
    plan_parts={"one": "ہم {parts} حصہ دیکھیں گے، پھر مل کر بات کریں گے۔",
                "other": "ہم {parts} حصے دیکھیں گے، پھر مل کر بات کریں گے۔"},
    plan_time="کل وقت: {minutes}۔",
    discussion_count={"one": "{count} سوال · {minutes}", "other": "{count} سوالات · {minutes}"},
    discussion_notes="بحث کا آغاز کریں: باقی سوالات، ہر سلائیڈ پر ایک۔ وقت کا خیال رکھیں۔",
    references_notes="جو پورا مضمون پڑھنا چاہیں انہیں ماخذ بتائیں۔ مزید مطالعہ مضمون سے باہر کا پس منظر ہے، "
                     "نشست کے بعد کے لیے۔",
    sentence_end="۔",
    opening="آغاز",
    closing="اختتامیہ",
    buffer="اضافی وقت",
    formats={"whole-room": "پوری جماعت", "pairs": "جوڑوں میں", "small-groups": "چھوٹے گروپ", "vote": "رائے شماری",
             "write": "تحریر"},
    time_check="{} · {} منٹ گزرے، کل {}",
    options="اختیارات:",
    end="ختم",
    run_sheet="نشست کا خاکہ",
    run_sheet_columns=("وقت", "سلائیڈ", "مرحلہ", "منٹ", "کل"),
    preparation="تیاری",
    slide="سلائیڈ {}",
    question_number="سوال {}: ",
    your_notes="آپ کا جواب",
    handout="شرکا کے لیے ورقہ",
    attribution="— {}",  # Urdu attributes a quotation with the same dash as English
    countdown="الٹی گنتی",
    colon=": ",  # Urdu sets a colon as English does
    objectives="مقاصد",
    objectives_intro="نشست کے اختتام پر شرکا یہ کر سکیں گے:",
    synopsis="خلاصہ",
    undated="بلا تاریخ",
    session_length="نشست کا دورانیہ: {}",
    shorter_lengths="؛ مختصر صورتیں: {}",
    list_separator="، ",
    optional="اختیاری",
    optional_mark=" (اختیاری)",
    optional_part=" (اختیاری: {})",
    optional_rows="وقت کم ہو تو ”اختیاری“ والی قطاریں چھوڑی جا سکتی ہیں۔",
    shorter_rows=" مختصر صورتوں ({}) میں یہ شامل نہیں۔",
    serves="متعلقہ مقاصد:",
    listen_for="جوابات میں کیا سنیں:",
    misconceptions="عام غلط فہمیاں:",
    board_plan="بورڈ کا خاکہ",
    if_late="اگر وقت کم پڑ جائے",
    drop_these="یہ اختیاری نکات چھوڑ دیں:",
    shorter_shows="مختصر صورتیں (پریزنٹیشن کے حسب ضرورت شو):",
    shorter_run={"one": "{length}: ایک اختیاری نکتہ شامل نہیں ({minutes})؛ طے شدہ دورانیہ: {total}۔",
                 "other": "{length}: {count} اختیاری نکات شامل نہیں ({minutes})؛ طے شدہ دورانیہ: {total}۔"},
    epilogue="پس نوشت",
    epilogue_note="سہولت کار کے لیے: مضمون کے بعد کیا ہوا؛ یہ سلائیڈز اور شرکا کے ورقے میں شامل نہیں۔",
    exit_ticket="رخصتی پرچی",
    exit_ticket_intro="شرکا جانے سے پہلے جواب دیں:",
    chart="چارٹ ({})",
    chart_types={"column": "کالم", "bar": "بار", "line": "لائن", "pie": "پائی"},
    exit_ticket_notes=("شرکا کو دو منٹ دیں کہ وہ ان سوالات کے جواب کارڈ یا کاغذ کی پرچی پر لکھیں، پھر دروازے پر "
                       "جوابات جمع کر لیں۔"),
    qr_code="کیو آر کوڈ: {}",
    name="نام",
    date="تاریخ",
    glossary="فرہنگ اصطلاحات",
    cut_here="یہاں سے کاٹیں اور جانے سے پہلے جمع کرائیں",
    recap="نشست کا خلاصہ",
    quotes=("”", "“"),
    option="({}) {}",
    option_letters=("الف", "ب", "ج", "د", "ہ", "و", "ز", "ح", "ط", "ی", "ک", "ل", "م", "ن", "س", "ع", "ف", "ص",
                    "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
)
"""Urdu: sentences end with the Urdu full stop "۔"; options lettered (الف)، (ب)، (ج) as
Pakistani textbooks and papers letter them; CLDR's quotation marks (” “)."""

ENGLISH = Labels()

_TABLE: dict[str, Labels] = {
    "en": ENGLISH, "zh-hans": _ZH_HANS, "zh-hant": _ZH_HANT, "ja": _JA, "ko": _KO,
    "de": _DE, "fr": _FR, "es": _ES, "ar": _AR, "he": _HE, "fa": _FA, "ur": _UR,
}
SIMPLIFIED_CHINESE = _ZH_HANS
TRADITIONAL_CHINESE = _ZH_HANT


def _key(language: str) -> str:
    """The table key of a BCP-47 tag: the Chinese script, else the primary language subtag."""
    return script(language) or language.lower().replace("_", "-").split("-")[0]


def translated_languages() -> tuple[str, ...]:
    """The language tags deckgen has labels in (``en``, ``zh-CN``, ``ar`` ...)."""
    return tuple(labels.language for labels in _TABLE.values())


def has_labels(language: str) -> bool:
    """True when deckgen has labels in ``language``; otherwise its labels stay English."""
    return _key(language) in _TABLE


def labels_for(language: str) -> Labels:
    """The labels for a BCP-47 tag (``zh-TW`` -> traditional Chinese, ``de-AT`` -> German), else English."""
    return _TABLE.get(_key(language), ENGLISH)


def label_language(deck_language: str) -> str | None:
    """The language to tag deckgen's labels with in a deck, when it is not the deck's own.

    Screen readers pick a voice from the tag, so English labels in a Swahili deck are
    tagged English.
    """
    labels = labels_for(deck_language)
    same = labels.language.split("-")[0].lower() == deck_language.split("-")[0].lower()
    return None if same else labels.language


_SPACE_AROUND_CJK_PUNCTUATION = re.compile(r"[ \t]+([，。、：；！？）」』】〕〉》”’])|([（「『【〔〈《“‘])[ \t]+")


def tidy_cjk(text: str) -> str:
    """``text`` without spaces before full-width closing punctuation or after opening brackets.

    "Niranjana Dhumal ，原文" -> "Niranjana Dhumal，原文": full-width punctuation carries its
    own space, so a space beside it shows as a gap.
    """
    return _SPACE_AROUND_CJK_PUNCTUATION.sub(lambda m: m.group(1) or m.group(2), text)


_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "۔", "؟")
"""Marks that already end a sentence: Latin, full-width, Urdu's full stop, the Arabic question mark."""
_FULL_WIDTH_ENDS = ("。", "！", "？")
"""Full-width marks carry their own space."""


def sentence_break(text: str, labels: Labels) -> str:
    """What closes ``text`` as a sentence before the next one: the language's full stop unless
    ``text`` ends in a mark of its own, then a space unless that mark is full-width.

    After "Sora (2024)": ". "; after "Did Sora help?": " "; after Chinese "《Sora》（2024）":
    "。"; in Urdu: "۔ ".
    """
    end = "" if text.endswith(_SENTENCE_ENDS) else labels.sentence_end
    return end if (text + end).endswith(_FULL_WIDTH_ENDS) else end + " "
