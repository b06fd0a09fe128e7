SELECT s ->> 'qualifier' AS qualifier, count(*) AS n
FROM records, jsonb_array_elements(doc -> 'sources') AS s
WHERE s ->> 'kind' = 'anonymous' AND s ->> 'qualifier' IS NOT NULL
GROUP BY qualifier ORDER BY n DESC, qualifier LIMIT 5;
