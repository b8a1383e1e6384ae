-- Every reference to a membership, a ledger entry, a redemption or a return is checked when its transaction commits.
-- These rows are written together by one flush (an enrolment, its ledger entries, their lots and allocations, a
-- stamp card's reward, a draw), and Hibernate now sorts a flush's inserts by table so that each table's rows go out
-- as one multi-row statement (hibernate.order_inserts). The entities are mapped with plain id columns, not
-- associations, so the sort cannot know that an entry must precede its lot: it keeps the tables in the order they
-- first appear. Checked at commit, the order within the transaction no longer matters; a dangling reference still
-- fails the transaction. References to customers stay immediate: erasure relies on their check's row lock.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN
        SELECT conrelid::regclass AS tab, conname
        FROM pg_constraint
        WHERE contype = 'f' AND NOT condeferrable
          AND confrelid IN ('membership'::regclass, 'ledger_entry'::regclass, 'redemption'::regclass,
                            'order_return'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED', c.tab, c.conname);
    END LOOP;
END
$$;
