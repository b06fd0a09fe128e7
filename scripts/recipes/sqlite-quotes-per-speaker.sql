SELECT coalesce(a.name, q.speaker_text) AS speaker, count(*) AS quotes
FROM quotes q LEFT JOIN actors a ON a.article = q.article AND a.idx = q.actor_idx
WHERE q.speaker_text IS NOT NULL
GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT 5;
