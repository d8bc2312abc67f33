"""Stories of one state's public life, not its politics (:func:`domestic_drops`).

Arabic news of one country is full of appeals, demands, rejections and meetings that are no political
events: a ministry calls on the public to apply before a date, a municipality asks residents to keep the
parks clean, citizens demand a paved road, the food authority rejects imported shipments, a columnist
asks the minister of education to act, a governor meets his department heads at the Eid reception.  The
coder reads them as same-country events (SAU>SAU 020, 100, 120, 040).  On the 14,699 unseen SaudiNewsNet
articles of the thirty-fourth session 487 such events (roots 02-05, 10, 12, one state on both sides) were
output, and a reading of 30 found 28 wrong.  The annotated sets, political news only, code the same shape
right (a government arresting its opposition, a parliament demanding a minister's dismissal): there the
story names other actors (an armed group, another state) or speaks of politics or security.

So the signal is the article's, not the sentence's: an article of at least :data:`ARTICLE_MIN_SENTENCES`
sentences (a wire item of one or two sentences says too little about its topic: وطالب الرئيس اليمني
الحوثيين باحترام الهدنة) whose actor mentions all name one state (:func:`one_state`), none of them an armed
group or the opposition (:data:`POLITICAL_AGENTS`), and that has fewer than :data:`POLITICAL_MIN` words of
politics, security or diplomacy (``resources/cues/politics.tsv``: government, parties, elections, protest, terrorism, armed
forces, war, embassies, summits) tells that state's public life; its verbal cooperation and conflict among
its own actors (:data:`DOMESTIC_ROOTS`) are dropped, and so are its criticism, accusations, complaints,
lawsuits, warnings and threats (roots 11 and 13: a columnist criticising a club, a sheikh accusing the Red
Crescent of negligence, the weather office warning citizens of the heat; lead34 on the same articles: 157 more
events removed, 40 read: 27 right, 2 wrong, 11 ordinary-crime unsure; the 2 wrong a minister accusing a film
director and a court sentencing a former prime minister, told in stories with too few political words).  Acts
of force and coercion (arrests, attacks) are left to the other rules.
"""

from __future__ import annotations

from marsad.document import ActorMention, Token
from marsad.resources import word_set
from marsad.text.tokens import reads

# Appeals, intent, meetings and visits, diplomatic cooperation, demands, disapproval, rejections and threats.
DOMESTIC_ROOTS = frozenset({"02", "03", "04", "05", "10", "11", "12", "13"})
# One word of politics may stand in a service story (دعم الحكومة للمشروع); two make the story political.
POLITICAL_MIN = 2
ARTICLE_MIN_SENTENCES = 4  # as for the actor shares of the confidence model (confidence.actor_shares)
POLITICAL_AGENTS = frozenset({"REB", "OPP"})  # an armed group or the opposition makes a story political


def one_state(coded: list[ActorMention]) -> str | None:
    """The one state every coded actor mention of the article names, else None."""
    codes = {m.code for m in coded}
    return next(iter(codes)) if len(codes) == 1 else None


def political_article(tokens: list[Token]) -> bool:
    """Has the article at least POLITICAL_MIN words of politics, security or diplomacy (politics.tsv)?"""
    words = word_set("politics")
    hits = 0
    for t in tokens:
        if t.norm[:1].isalpha() and reads(t, words):
            hits += 1
            if hits >= POLITICAL_MIN:
                return True
    return False


def domestic_drops(sides: list[tuple[str, str | None]], roots: list[str], coded: list[ActorMention],
                   tokens: list[Token], n_sentences: int) -> list[bool]:
    """For the events of an article of ``n_sentences`` sentences, given by their (source, target) codes and
    their roots: is each an act of one state's public life (see the module docstring)?"""
    state = None
    if n_sentences >= ARTICLE_MIN_SENTENCES and not any(m.agent in POLITICAL_AGENTS for m in coded):
        state = one_state(coded)
    hit = [state is not None and src == state and tgt in (None, state) and root in DOMESTIC_ROOTS
           for (src, tgt), root in zip(sides, roots, strict=True)]
    if not any(hit) or political_article(tokens):
        return [False] * len(hit)
    return hit
