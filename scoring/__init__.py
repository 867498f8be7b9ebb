"""How strongly a passage supports or contradicts a claim, and the verdict rules."""
