SELECT qualifier, count(*) AS n FROM sources
WHERE kind = 'anonymous' AND qualifier IS NOT NULL
GROUP BY qualifier ORDER BY n DESC, qualifier LIMIT 5;
