-- The sqlite3 workload: a schema, 20000 rows from a recursive CTE,
-- indexes, joins, grouping, updates, deletes and a vacuum.
CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT, grp INTEGER, price REAL);
CREATE TABLE grp(id INTEGER PRIMARY KEY, label TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO item SELECT i, 'item-' || i, i % 97, (i * 37) % 1000 / 10.0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
INSERT INTO grp SELECT i, printf('group %03d', i) FROM n;
CREATE INDEX item_grp ON item(grp);
SELECT g.label, count(*), avg(i.price) FROM item i JOIN grp g ON g.id = i.grp
  GROUP BY g.label ORDER BY 3 DESC LIMIT 10;
SELECT name FROM item WHERE name LIKE 'item-1%7' ORDER BY price, name LIMIT 20;
UPDATE item SET price = price * 1.1 WHERE grp % 3 = 0;
DELETE FROM item WHERE id % 5 = 0;
SELECT count(*), sum(price), group_concat(name, ';') IS NOT NULL FROM item;
CREATE TABLE summary AS SELECT grp, count(*) AS n, max(price) AS top FROM item GROUP BY grp;
SELECT * FROM summary WHERE n > 150 ORDER BY top DESC;
VACUUM;
