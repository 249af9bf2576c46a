-- Once recommended, the 申报材料 are rendered again with the unit's name in the 推荐单位 field.
ALTER TABLE application_document DROP CONSTRAINT application_document_kind_check;
ALTER TABLE application_document ADD CONSTRAINT application_document_kind_check
  CHECK (kind IN ('materials', 'commitment', 'sealed-materials', 'sealed-commitment', 'recommended-materials'));
