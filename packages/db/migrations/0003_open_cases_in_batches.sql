-- Manual intake in one round trip for many cases: CALL sada_open_cases(intakes) takes the cases'
-- numbers, finds or creates their customers, inserts each case with its case.created event and
-- announces them. A server hands in at once the cases its requests brought while its previous call
-- was running. On two cores most of what a case costs PostgreSQL is the call itself (round trip,
-- system calls, commits); one call for several cases is what lets it take a thousand cases a second.
--
-- Three transactions, in order:
-- 1. Checks each team and takes the next numbers of each workspace's year. Committed without waiting
--    for the disk, so a counter row is locked for microseconds, not for a disk flush. A case that
--    survives a crash always finds its number's increment survived too (WAL is flushed in order); a
--    number whose case never committed may be handed out again after a crash: nobody was told it.
-- 2. The customers, cases and events: committed durably, as any write. Rows are written in the same
--    order in every call (by identity), so two calls never wait on each other's identities in a circle.
-- 3. pg_notify for each case, once the cases are safely stored, again without waiting for the disk.
--    NOTIFY holds a database-wide lock from its commit until the commit is flushed: inside
--    transaction 2 it would line every intake up behind one disk flush at a time.
--
-- Each intake is a JSON object with the fields read below; each outcome, at the same position, is
-- {"problem": "team"} when the team is not one of the workspace's (nothing was written for it), else
-- {"referenceNumber", "customerId", "customerName" (of a customer found or created here), "eventId"}.
CREATE PROCEDURE sada_open_cases(p_intakes json, INOUT p_outcomes json DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
  v_count integer := json_array_length(p_intakes);
  v_references text[] := array_fill(NULL::text, ARRAY[v_count]);
  v_outcomes json[] := array_fill(NULL::json, ARRAY[v_count]);
  v_intake record;
  v_sequence integer;
  v_customer_id uuid;
  v_customer_name text;
  v_event_id bigint;
  v_notices text[] := '{}';
  v_stored json;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  -- Counter rows are locked in one order by every call.
  FOR v_intake IN
    SELECT item.position, intake.*
      FROM json_array_elements(p_intakes) WITH ORDINALITY AS item (value, position),
           json_to_record(item.value) AS intake (case_id uuid, workspace_id uuid, reference_prefix text,
             reference_year integer, team_id uuid)
     ORDER BY intake.workspace_id, intake.reference_year, item.position
  LOOP
    -- A call whose answer was lost (the caller then tries each case again) may have stored the case:
    -- it is answered as stored, never stored twice.
    SELECT json_build_object('problem', NULL, 'referenceNumber', support_case.reference_number,
             'customerId', support_case.customer_id, 'customerName', customer.name,
             'eventId', (SELECT min(case_event.id) FROM case_event WHERE case_event.case_id = support_case.id))
      INTO v_stored
      FROM support_case LEFT JOIN customer ON customer.id = support_case.customer_id
     WHERE support_case.id = v_intake.case_id;
    IF v_stored IS NOT NULL THEN
      v_outcomes[v_intake.position] := v_stored;
      CONTINUE;
    END IF;
    IF v_intake.team_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM team WHERE team.id = v_intake.team_id AND team.workspace_id = v_intake.workspace_id) THEN
      v_outcomes[v_intake.position] := json_build_object('problem', 'team');
      CONTINUE;
    END IF;
    INSERT INTO case_counter AS counter (workspace_id, year, last_value)
    VALUES (v_intake.workspace_id, v_intake.reference_year, 1)
    ON CONFLICT ON CONSTRAINT case_counter_pkey DO UPDATE SET last_value = counter.last_value + 1
    RETURNING counter.last_value INTO v_sequence;
    -- formatReferenceNumber of packages/core: at least six digits, never cut short.
    v_references[v_intake.position] := v_intake.reference_prefix || '-' || v_intake.reference_year || '-'
      || lpad(v_sequence::text, greatest(6, length(v_sequence::text)), '0');
  END LOOP;
  COMMIT;

  FOR v_intake IN
    SELECT item.position, intake.*
      FROM json_array_elements(p_intakes) WITH ORDINALITY AS item (value, position),
           json_to_record(item.value) AS intake (
             case_id uuid, workspace_id uuid, subject text, description text, channel text, kind text,
             category text, product text, order_reference text, region text, priority text,
             sentiment text, language text, team_id uuid, assignee_id uuid, tags text[],
             custom_fields jsonb, search_document text, created_at timestamptz,
             -- an existing customer already checked, or a name (and identity) to find or create one
             -- by, with the ids a new customer and identity take
             customer_id uuid, customer_name text, customer_email text, customer_phone text,
             customer_search_text text, identity_channel text, identity_external_id text,
             identity_handle text, new_customer_id uuid, new_identity_id uuid,
             -- who opened it, and what the timeline records (the number and customer are added here)
             actor_user_id uuid, actor_label text, event_changes jsonb)
     ORDER BY intake.workspace_id, intake.identity_channel, intake.identity_external_id, item.position
  LOOP
    CONTINUE WHEN v_outcomes[v_intake.position] IS NOT NULL;
    v_customer_id := v_intake.customer_id;
    v_customer_name := NULL;
    IF v_customer_id IS NULL AND v_intake.customer_name IS NOT NULL THEN
      IF v_intake.identity_channel IS NOT NULL THEN
        SELECT customer.id, customer.name INTO v_customer_id, v_customer_name
          FROM customer_identity JOIN customer ON customer.id = customer_identity.customer_id
         WHERE customer_identity.workspace_id = v_intake.workspace_id
           AND customer_identity.channel = v_intake.identity_channel
           AND customer_identity.external_id = v_intake.identity_external_id;
      END IF;
      IF v_customer_id IS NULL THEN
        v_customer_id := v_intake.new_customer_id;
        v_customer_name := v_intake.customer_name;
        INSERT INTO customer (id, workspace_id, name, email, phone, search_text, created_at, updated_at)
        VALUES (v_customer_id, v_intake.workspace_id, v_intake.customer_name, v_intake.customer_email,
                v_intake.customer_phone, v_intake.customer_search_text, v_intake.created_at,
                v_intake.created_at);
        IF v_intake.identity_channel IS NOT NULL THEN
          -- A concurrent intake may create the same identity first: ON CONFLICT waits for it to
          -- commit, then this case goes to the winner's customer and the one made here is dropped.
          INSERT INTO customer_identity (id, workspace_id, customer_id, channel, external_id, handle,
                                         created_at)
          VALUES (v_intake.new_identity_id, v_intake.workspace_id, v_customer_id, v_intake.identity_channel,
                  v_intake.identity_external_id, v_intake.identity_handle, v_intake.created_at)
          ON CONFLICT ON CONSTRAINT customer_identity_channel_external_id_key DO NOTHING;
          IF NOT FOUND THEN
            DELETE FROM customer WHERE customer.id = v_customer_id;
            SELECT customer.id, customer.name INTO v_customer_id, v_customer_name
              FROM customer_identity JOIN customer ON customer.id = customer_identity.customer_id
             WHERE customer_identity.workspace_id = v_intake.workspace_id
               AND customer_identity.channel = v_intake.identity_channel
               AND customer_identity.external_id = v_intake.identity_external_id;
          END IF;
        END IF;
      END IF;
    END IF;
    INSERT INTO support_case (id, workspace_id, reference_number, subject, description, status, channel,
      kind, category, product, order_reference, region, priority, sentiment, language, team_id,
      assignee_id, customer_id, tags, custom_fields, search_vector, created_at, updated_at)
    VALUES (v_intake.case_id, v_intake.workspace_id, v_references[v_intake.position], v_intake.subject,
      v_intake.description, 'new', v_intake.channel, v_intake.kind, v_intake.category, v_intake.product,
      v_intake.order_reference, v_intake.region, v_intake.priority, v_intake.sentiment,
      v_intake.language, v_intake.team_id, v_intake.assignee_id, v_customer_id, v_intake.tags,
      v_intake.custom_fields, sada_search_vector(v_intake.search_document), v_intake.created_at,
      v_intake.created_at);
    INSERT INTO case_event (workspace_id, case_id, type, actor_user_id, actor_label, changes, created_at)
    VALUES (v_intake.workspace_id, v_intake.case_id, 'case.created', v_intake.actor_user_id,
      v_intake.actor_label, v_intake.event_changes || jsonb_build_object(
        'referenceNumber', v_references[v_intake.position], 'customerId', v_customer_id),
      v_intake.created_at)
    RETURNING case_event.id INTO v_event_id;
    -- The LiveNotice of packages/db/src/live.ts.
    v_notices := v_notices || json_build_object('workspaceId', v_intake.workspace_id,
      'type', 'case.created', 'caseId', v_intake.case_id,
      'referenceNumber', v_references[v_intake.position])::text;
    v_outcomes[v_intake.position] := json_build_object('problem', NULL,
      'referenceNumber', v_references[v_intake.position], 'customerId', v_customer_id,
      'customerName', v_customer_name, 'eventId', v_event_id);
  END LOOP;
  p_outcomes := array_to_json(v_outcomes);
  COMMIT;

  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_notify('sada_live', notice) FROM unnest(v_notices) AS notice;
END
$$;
