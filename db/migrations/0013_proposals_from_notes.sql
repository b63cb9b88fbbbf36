-- A proposal read from the conversation's hand-typed notes names the line it came from; one read from the
-- transcript names the turn (and leaves this null).
ALTER TABLE conversation_proposal ADD COLUMN note_line integer;
