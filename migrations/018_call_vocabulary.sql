-- What a yearly call may change is data of the call (domain/call.ts): its directions with their labels (and the
-- direction each is a sub-type of), the direction → template table, the direction each unit may recommend at most
-- once, and the applicant's notice texts. Existing calls get today's shipped values; a new call states its own
-- (store/call-repository.ts writes every column), so the defaults are dropped once filled in.

-- The shipped directions (domain/directions.ts) with their templates, for this migration only.
CREATE TEMPORARY TABLE shipped_direction (n integer, code text, label text, subtype_of text, template text) ON COMMIT DROP;
INSERT INTO shipped_direction VALUES
  (1, 'network-upgrade', '网络改造提升', NULL, 'mode-application'),
  (2, 'identifier-node', '标识解析二级节点', NULL, 'mode-application'),
  (3, 'enterprise-platform', '企业级工业互联网平台', NULL, 'mode-application'),
  (4, 'industry-platform', '行业（区域）级工业互联网平台', NULL, 'industry-platform'),
  (5, 'city-platform', '市级工业互联网综合平台', 'industry-platform', 'industry-platform'),
  (6, 'mode-personalized-customization', '个性化定制', NULL, 'mode-application'),
  (7, 'mode-platform-design', '平台化设计', NULL, 'mode-application'),
  (8, 'mode-intelligent-manufacturing', '智能化制造', NULL, 'mode-application'),
  (9, 'mode-networked-collaboration', '网络化协同', NULL, 'mode-application'),
  (10, 'mode-service-extension', '服务化延伸', NULL, 'mode-application'),
  (11, 'mode-digital-management', '数字化管理', NULL, 'mode-application'),
  (12, 'green-manufacturing', '绿色制造', NULL, 'mode-application'),
  (13, 'safety-production', '安全生产', NULL, 'mode-application'),
  (14, 'experience-center', '工业互联网平台应用创新体验中心', NULL, 'experience-center');

-- The table was a set of overrides of the shipped one: it becomes one row per direction of the call, each the
-- call's own row if it had one, else the shipped one, as the code read it.
UPDATE call SET direction_templates = coalesce((
  SELECT jsonb_object_agg(d.code, coalesce(call.direction_templates -> d.code, to_jsonb(s.template)))
    FROM jsonb_array_elements_text(call.directions) AS d(code) JOIN shipped_direction s ON s.code = d.code
), '{}'::jsonb)
WHERE jsonb_typeof(directions -> 0) = 'string';

-- Directions were bare codes: each gets the shipped label and sub-type (kept only if the call has that direction
-- too), in the call's order.
UPDATE call SET directions = (
  SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'code', d.code, 'label', s.label,
           'subtypeOf', CASE WHEN call.directions ? s.subtype_of THEN s.subtype_of END)) ORDER BY d.n)
    FROM jsonb_array_elements_text(call.directions) WITH ORDINALITY AS d(code, n) JOIN shipped_direction s ON s.code = d.code
)
WHERE jsonb_typeof(directions -> 0) = 'string';

-- 各市推荐市级工业互联网综合平台不超过1个: the city platform, where the call has it; NULL caps no direction.
ALTER TABLE call ADD COLUMN direction_capped_at_one_per_unit text;
UPDATE call SET direction_capped_at_one_per_unit = 'city-platform' WHERE directions @> '[{"code": "city-platform"}]';

ALTER TABLE call ADD COLUMN notice_texts jsonb NOT NULL DEFAULT '{
  "title": "申报编号 {applicationNumber}：{status}",
  "body": "您单位申报的项目“{projectName}”（编号 {applicationNumber}）状态已更新为：{status}。",
  "reason": "原因：{reason}",
  "correctionDue": "请于 {dueDate}（北京时间）前登录平台完成补正，逾期未补正视为撤回申报。",
  "sealedScansDue": "请于 {dueDate}（北京时间）前登录平台上传盖章材料，逾期未上传视为撤回申报。",
  "footer": "此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。"
}'::jsonb;
ALTER TABLE call ALTER COLUMN notice_texts DROP DEFAULT;
