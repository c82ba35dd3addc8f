-- Data migration: the default pipeline (see shared DOMAIN: 新线索 → 已联系 → 实地考察 → 项目预审 →
-- 洽谈 → 签约, plus 流失). Every lead references a stage, and a new lead starts in "new", so these
-- rows must exist in every database before the first inquiry. Admins may rename and reorder them.
INSERT INTO "Stage" ("key", "name", "nameEn", "position", "category") VALUES
  ('new',         '新线索',   'New',         1, 'OPEN'),
  ('contacted',   '已联系',   'Contacted',   2, 'OPEN'),
  ('site_visit',  '实地考察', 'Site visit',  3, 'OPEN'),
  ('screening',   '项目预审', 'Screening',   4, 'OPEN'),
  ('negotiation', '洽谈',     'Negotiation', 5, 'OPEN'),
  ('signed',      '签约',     'Signed',      6, 'WON'),
  ('lost',        '流失',     'Lost',        7, 'LOST')
ON CONFLICT ("key") DO NOTHING;
