-- The best priority rank the decision table gave (1 = first; null = no priority qualification), for the city's
-- ranking suggestion.
ALTER TABLE application ADD COLUMN priority_rank integer;
