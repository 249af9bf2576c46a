// Chinese for what the XML readers of bpmn-moddle and dmn-moddle (moddle-xml over saxen) say about a file they
// cannot read, or read only in part. The element, attribute or id they name stays as written in the file.

type Translation = readonly [english: RegExp, chinese: string];

const translations: readonly Translation[] = [
  [/^unknown attribute <(.+)>$/, '无法识别的属性 $1'],
  [/^unresolved reference <(.+)>$/, '引用的元素 $1 不存在'],
  [/^unrecognized element <(.+)>$/, '无法识别的元素 $1'],
  [/^unknown type <(.+)>$/, '无法识别的类型 $1'],
  [/^unexpected element <(.+)>$/, '此处不能出现元素 $1'],
  [/^unexpected body text <([^]*)>$/, '此处不能出现文字内容'],
  [/^duplicate ID <(.+)>$/, '标识 $1 重复'],
  [/^illegal ID <(.+)>$/, '标识 $1 不合法'],
  [/^failed to parse document as <(.+)>$/, '文件不是 $1 文档'],
  [/^unsupported document encoding <(.+)>, falling back to UTF-8$/, '不支持的文件编码 $1，已按 UTF-8 读取'],
  [/^expected element$/, '缺少元素'],
  [/^expected no sub nodes$/, '此元素不能有子元素'],
  [/^missing namespace on <(.+)>$/, '元素 $1 的命名空间未声明'],
  [/^no namespace uri given for prefix <(.+)>$/, '前缀 $1 的命名空间未声明'],
  [/^unexpected end of file$/, '文件不完整（意外结束）'],
  [/^missing start tag$/, '缺少开始标签'],
  [/^missing open tag$/, '缺少开始标签'],
  [/^closing tag mismatch$/, '结束标签与开始标签不匹配'],
  [/^close tag$/, '多余的结束标签'],
  [/^unclosed tag$/, '标签没有结束'],
  [/^unclosed cdata$/, 'CDATA 段没有结束'],
  [/^unclosed comment$/, '注释没有结束'],
  [/^unclosed question$/, 'XML 声明或处理指令没有结束'],
  [/^illegal first char nodeName$/, '元素名称的首字符不合法'],
  [/^invalid nodeName$/, '元素名称不合法'],
  [/^illegal value of xmlns:xml$/, 'xmlns:xml 的值不合法'],
];

// moddle-xml wraps what stopped it: "unparsable content <tag> detected\n\tline: 3\n\tcolumn: 5\n\tnested error: …".
const UNPARSABLE = /^unparsable content ([^]*?)\s*detected\s+line: (\d+)\s+column: (\d+)\s+nested error: ([^]*)$/;

/** The Chinese of one moddle-xml message (a parse error or warning); an unknown one is kept as written. */
export function chineseParseMessage(message: string): string {
  const unparsable = UNPARSABLE.exec(message.trim());
  if (unparsable) {
    const [, content, line, column, nested] = unparsable;
    const what = content ? `内容 ${content.length > 60 ? `${content.slice(0, 60)}…` : content} ` : '内容';
    // saxen counts lines and columns from 0; editors and people from 1.
    return `第 ${Number(line) + 1} 行第 ${Number(column) + 1} 列的${what}无法读取：${chineseParseMessage(nested!)}`;
  }
  const text = message.trim().split('\n')[0]!;
  for (const [english, chinese] of translations) {
    const match = english.exec(text);
    if (match) return chinese.replace(/\$(\d)/g, (_, index: string) => match[Number(index)] ?? '');
  }
  return text;
}
