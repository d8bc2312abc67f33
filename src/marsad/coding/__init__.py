"""Event coding: the ``events`` stage and what it reads (who did what to whom, CAMEO/PLOVER).

The stage is :class:`marsad.coding.coder.EventStage`.  For each sentence it finds triggers
(``lexicon``: patterns per CAMEO code from ``resources/lexicon``), chooses their arguments and
codes the events; the modules by step:

* triggers: ``lexicon``; the code a doer makes of them: ``pairs``; the CAMEO table: ``cameo``;
* arguments from clause structure: ``arguments`` (with ``clause_words``, ``conjuncts`` and ``subjects``), the
  learned re-ranking ``argrank``, arguments the clause does not name ``implicit``; special
  constructions: tolls and their attacks ``victims`` and ``results``, acts a victim was exposed to
  ``exposed``, claims and blame for attacks ``claims``, what a protest is against ``protest``;
* cues around the trigger: ``cues`` (with ``cue_data``), ``modality`` (with ``modality_months``),
  ``attribution``, ``quantities``;
* the confidence model that keeps or drops a candidate: ``confidence``;
* per-sentence caches: ``memo``.
"""
