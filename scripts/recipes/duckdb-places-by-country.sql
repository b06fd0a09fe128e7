SELECT p.country, count(*) AS mentions
FROM (SELECT unnest(places) AS p FROM read_json('records.jsonl', format = 'newline_delimited'))
WHERE p.country IS NOT NULL
GROUP BY p.country ORDER BY mentions DESC, p.country LIMIT 5;
