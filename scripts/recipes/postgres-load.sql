CREATE TABLE records (doc jsonb);
\copy records (doc) FROM 'records.jsonl' WITH (FORMAT csv, QUOTE e'\x01', DELIMITER e'\x02')
