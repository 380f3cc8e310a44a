/**
 * Open rewrites for common closed questions. Each template takes the normalised clause (lower
 * case, contractions expanded) and returns a rewrite, or nothing when it does not fit.
 */
type Template = [RegExp, (m: RegExpExecArray) => string];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const you = (s: string) => s.replace(/\bi am\b/g, 'I am').replace(/\bi\b/g, 'I');

const TEMPLATES: Template[] = [
  [/^(do|did) you (really )?(like|enjoy|love) (.+)$/, (m) => `What do you ${m[3] === 'love' ? 'love' : m[3]} most about ${m[4]}?`],
  [/^(are|were) you (happy|satisfied) with (.+)$/, (m) => `What has kept you ${m[2]} with ${m[3]}, and what would you change?`],
  [/^(do|would|could) you (have|give) (me )?any (advice|tips|suggestions|pointers)( .*)?$/, (m) => `What ${m[4]} would you give someone in my position?`],
  [/^any (advice|tips|suggestions|pointers)( .*)?$/, (m) => `What ${m[1]} would you give someone starting out?`],
  [/^(are there|is there|do you have|do you know of) (any )?(.+?) (that )?you (would|might) (recommend|suggest)$/, (m) => `What ${m[3]} would you recommend?`],
  [/^(are there|is there) (any )?(.+?)$/, (m) => `What ${m[3]} ${m[1] === 'is there' ? 'is there' : 'are there'}, and how do they work?`],
  [/^(did|have) you always (want|wanted|plan|planned|intend|intended) to (.+)$/, (m) => `What made you want to ${m[3]}?`],
  [/^(have|had) you ever (thought about|considered) (.+)$/, (m) => `How do you think about ${m[3]}?`],
  [/^do you think (i|i should|it would be|it is) (.+)$/, (m) => `What's your view on whether ${you(m[1] ?? '')} ${m[2]}?`],
  [/^(would|will|could|can|does|do) (a|an|the|my|having a|having an) (.+?) (help|matter|count)$/, (m) => `How would ${m[2]} ${m[3]} ${m[4]}?`],
  [/^(is|are) (it|that|this|the \w+|your \w+|the \w+ \w+) (more |very |really |too )?(\w+)$/, (m) => `What makes ${m[2]} ${m[3] ?? ''}${m[4]}?`],
  [/^(was|were) (it|that|this|the \w+|your \w+) (a |an )?(\w+) (\w+)$/, (m) => `What made ${m[2]} ${m[3] ?? ''}${m[4]} ${m[5]}?`],
  [/^(was|were) (it|that|this|the \w+|your \w+) (very |really |too )?(\w+)$/, (m) => `What made ${m[2]} ${m[3] ?? ''}${m[4]}?`],
  [/^do you (ever )?(work|travel|manage|use|get to) (.+)$/, (m) => `What does ${m[2]} ${m[3]} look like for you?`],
  [/^what is (your|the) (official |current |exact )?(title|salary|salary range|pay)( .*)?$/, () => 'What does your role involve day to day?'],
];

/** An open rewrite of a closed question, or undefined when no template fits. */
export function openRewrite(clause: string): string | undefined {
  const c = clause.replace(/ ,/g, ',').replace(/[?.!]+$/, '').trim();
  for (const [re, make] of TEMPLATES) {
    const m = re.exec(c);
    if (m) return cap(you(make(m).replace(/\s+/g, ' ').replace(/ \?/, '?')));
  }
  return undefined;
}
