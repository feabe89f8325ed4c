"""Layer 2, the plan: outline + template profile -> slide plans, as plain data.

Slide order, labels in the deck's language, timings, lints, and the measured fitting
that picks font sizes and splits overflow onto "(cont.)" slides. Pure: no pptx, no I/O
beyond the bundled font metrics, so a plan can be printed, diffed and tested.
"""
