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
    exit_ticket: str = "Exit ticket"
    name: str = "Name"
    """The handout's line for the participant's name."""
    date: str = "Date"
    glossary: str = "Glossary"
    cut_here: str = "Cut here and hand in before you leave"
    """Above the handout's exit-ticket strip."""
    recap: str = "Recap"
    """The sheet for after the session: takeaways and further reading."""
    qr_code: str = "QR code of the article's address: {}"
    """The alt text of the handout's QR code."""


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
    exit_ticket="离场卡",
    name="姓名",
    date="日期",
    glossary="术语表",
    cut_here="沿此线剪下，离场前交回",
    recap="会后回顾",
    qr_code="文章网址的二维码：{}",
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
    kinds={"warm-up": "暖身", "analysis": "分析", "application": "應用", "reflection": "反思"},
    minutes={"other": "{} 分鐘"},
    continued="（續）",
    running_time="計劃時長：{}",
    session="（研討時長：{}）",
    part_minutes={"other": "，計劃 {}。"},
    timing="時長：{}。",
    continued_from="接上一張投影片「{}」。",
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
    exit_ticket="離場卡",
    name="姓名",
    date="日期",
    glossary="術語表",
    cut_here="沿此線剪下，離場前交回",
    recap="會後回顧",
    qr_code="文章網址的 QR 碼：{}",
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
    exit_ticket="振り返りカード",
    name="氏名",
    date="日付",
    glossary="用語集",
    cut_here="ここで切り取り、退室前に提出してください",
    recap="振り返り",
    qr_code="記事のアドレスの QR コード：{}",
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
    exit_ticket="출구 카드",
    name="이름",
    date="날짜",
    glossary="용어집",
    cut_here="여기를 잘라 나가기 전에 제출하세요",
    recap="돌아보기",
    qr_code="글 주소의 QR 코드: {}",
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
    exit_ticket="Exit-Ticket",
    name="Name",
    date="Datum",
    glossary="Glossar",
    cut_here="Hier abtrennen und vor dem Gehen abgeben",
    recap="Rückblick",
    qr_code="QR-Code der Adresse des Artikels: {}",
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
    exit_ticket="Ticket de sortie",
    name="Nom",
    date="Date",
    glossary="Glossaire",
    cut_here="Découpez ici et rendez avant de partir",
    recap="Récapitulatif",
    qr_code="Code QR de l’adresse de l’article : {}",
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
    exit_ticket="Ticket de salida",
    name="Nombre",
    date="Fecha",
    glossary="Glosario",
    cut_here="Corta aquí y entrégalo antes de salir",
    recap="Resumen",
    qr_code="Código QR de la dirección del artículo: {}",
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
    byline="{author} — {title}",
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
    exit_ticket="بطاقة الخروج",
    name="الاسم",
    date="التاريخ",
    glossary="مسرد المصطلحات",
    cut_here="قُصّ هنا وسلّمها قبل المغادرة",
    recap="خلاصة الجلسة",
    qr_code="رمز QR لعنوان المقال: {}",
)

ENGLISH = Labels()

_TABLE: dict[str, Labels] = {
    "en": ENGLISH, "zh-hans": _ZH_HANS, "zh-hant": _ZH_HANT, "ja": _JA, "ko": _KO,
    "de": _DE, "fr": _FR, "es": _ES, "ar": _AR,
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
