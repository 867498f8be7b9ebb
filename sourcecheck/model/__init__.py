"""The typed records that cross stage boundaries: claims, sources, scores and verdicts, runs, review decisions."""
