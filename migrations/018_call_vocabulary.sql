-- What a yearly call may change is data of the call (domain/call.ts): its directions with their labels (and the
-- direction each is a sub-type of), the direction → template table (already a column), the direction each unit may
-- recommend at most once, and the applicant's notice texts. Existing calls get today's shipped values; a new call
-- states its own (store/call-repository.ts writes every column), so the defaults are dropped once filled in.

-- Directions were stored as bare codes: give each the shipped label and sub-type, keeping the call's order.
UPDATE call SET directions = (
  SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('code', d.code, 'label', coalesce(s.label, d.code), 'subtypeOf', s.subtype_of)) ORDER BY d.n)
    FROM jsonb_array_elements_text(call.directions) WITH ORDINALITY AS d(code, n)
    LEFT JOIN (VALUES
      ('network-upgrade', '网络改造提升', NULL),
      ('identifier-node', '标识解析二级节点', NULL),
      ('enterprise-platform', '企业级工业互联网平台', NULL),
      ('industry-platform', '行业（区域）级工业互联网平台', NULL),
      ('city-platform', '市级工业互联网综合平台', 'industry-platform'),
      ('mode-personalized-customization', '个性化定制', NULL),
      ('mode-platform-design', '平台化设计', NULL),
      ('mode-intelligent-manufacturing', '智能化制造', NULL),
      ('mode-networked-collaboration', '网络化协同', NULL),
      ('mode-service-extension', '服务化延伸', NULL),
      ('mode-digital-management', '数字化管理', NULL),
      ('green-manufacturing', '绿色制造', NULL),
      ('safety-production', '安全生产', NULL),
      ('experience-center', '工业互联网平台应用创新体验中心', NULL)
    ) AS s(code, label, subtype_of) ON s.code = d.code
) WHERE jsonb_typeof(directions) = 'array' AND jsonb_typeof(directions -> 0) = 'string';

-- NULL: no direction is capped in that call.
ALTER TABLE call ADD COLUMN direction_capped_at_one_per_unit text DEFAULT 'city-platform';
ALTER TABLE call ALTER COLUMN direction_capped_at_one_per_unit DROP DEFAULT;

ALTER TABLE call ADD COLUMN notice_texts jsonb NOT NULL DEFAULT '{
  "title": "申报编号 {applicationNumber}：{status}",
  "body": "您单位申报的项目“{projectName}”（编号 {applicationNumber}）状态已更新为：{status}。",
  "reason": "原因：{reason}",
  "correctionDue": "请于 {dueDate}（北京时间）前登录平台完成补正，逾期未补正视为撤回申报。",
  "sealedScansDue": "请于 {dueDate}（北京时间）前登录平台上传盖章材料，逾期未上传视为撤回申报。",
  "footer": "此邮件由河北省工业互联网创新发展重点项目管理平台自动发送，请勿直接回复。"
}'::jsonb;
ALTER TABLE call ALTER COLUMN notice_texts DROP DEFAULT;
