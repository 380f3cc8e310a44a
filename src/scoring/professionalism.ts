import { currentModel, normalizeTokens } from '../nlu/index.js';
import { mentions } from '../nlu/features.js';
import { introductionOf, type DimensionResult, type Evidence, type ScoringContext } from './context.js';
import { timeMentions } from './time-discipline.js';

/**
 * Professionalism, as counselors grade it: an opening (who you are, what you hope to learn),
 * preparation (a question built on their profile or organisation, none their public profile
 * answers), no resume pushed, thanks, and a closing (a summary of what you learned and a next
 * step, in the last turns). A pushed resume costs `resume_push_cost` at once. Not asking what the
 * profile says is earned in proportion to the conversation held.
 */
export function professionalism(ctx: ScoringContext): DimensionResult {
  const d = ctx.data.professionalism;
  const c = d.credits;
  const evidence: Evidence[] = [];
  let pct = 0;
  const firstTurns = ctx.turns.slice(0, 3);
  const intro = introductionOf(ctx.turns)?.turn;
  const purpose = firstTurns.find((t) => ctx.has(t, 'purpose'));
  // A 30-second introduction, not a life story: a long opening earns part of its credit.
  const long = (t: { text: string } | undefined) => t !== undefined && t.text.trim().split(/\s+/).length > d.opening_words;
  const longIntro = long(intro);
  const longPurpose = long(purpose);
  const longOpening = longIntro || longPurpose;
  if (intro) {
    pct += c.introduction! * (longIntro ? d.long_opening_share : 1);
    evidence.push({ turn: intro.n, text: intro.text, effect: '+', note: longIntro ? 'introduced yourself, at length' : 'introduced yourself' });
  }
  if (purpose) {
    pct += c.purpose! * (longPurpose ? d.long_opening_share : 1);
    evidence.push({ turn: purpose.n, text: purpose.text, effect: '+', note: longPurpose ? 'stated a learning purpose, at length' : 'stated a learning purpose' });
  }
  const opening = ctx.name ? ctx.say(d.opening, { name: ctx.name }) : d.opening_no_name;
  const first = ctx.turns[0];
  if (first && !purpose) ctx.note(intro ? 'no_purpose' : 'no_purpose', first, 'professionalism', intro ? d.notes.no_purpose! : d.notes.no_opening!, opening);

  // A resume nobody asked for turns the meeting into an application: it costs a large share at once.
  const resumeTurns = ctx.turns.filter((t) => ctx.has(t, 'resume_push'));
  pct -= d.resume_push_cost * resumeTurns.length;
  for (const t of resumeTurns) {
    evidence.push({ turn: t.n, text: t.text, effect: '-', note: 'pushed a resume nobody asked for' });
    ctx.note('resume_push', t, 'professionalism', d.notes.resume_push!);
  }
  // Keeping them past the time you yourself said was up is a discourtesy, not only an overrun.
  const { saidOver, kept } = timeMentions(ctx);
  if (saidOver && kept > 0) {
    pct -= d.kept_going_cost;
    evidence.push({ turn: saidOver.n, text: saidOver.text, effect: '-', note: `kept them ${kept} more question${kept === 1 ? '' : 's'} past the time you said was up` });
  }
  const bioTurns = ctx.profileQuestions;
  pct += Math.max(0, c.no_profile_question! * ctx.earned - (c.no_profile_question! / 2) * bioTurns.length);
  for (const t of bioTurns) {
    evidence.push({ turn: t.n, text: t.text, effect: '-', note: 'asked something their public profile already answers' });
    ctx.note('profile_question', t, 'professionalism', d.notes.profile_question!, d.rewrites.profile_question);
  }
  const research = ctx.questions.find((t) => ctx.researched(t));
  if (research) {
    pct += c.research!;
    evidence.push({ turn: research.n, text: research.text, effect: '+', note: 'showed your research' });
  }
  const thanks = ctx.turns.find((t) => ctx.has(t, 'thanks'));
  if (thanks) {
    pct += c.thanks!;
    evidence.push({ turn: thanks.n, text: thanks.text, effect: '+', note: 'thanked them' });
  }
  // A next step belongs to the closing: "I'll think about that" mid-meeting is no plan.
  const next = ctx.closing.find((t) => ctx.has(t, 'follow_up'));
  if (next) {
    pct += c.next_step!;
    evidence.push({ turn: next.n, text: next.text, effect: '+', note: 'stated a next step' });
  }
  const lookups = currentModel().lookups;
  const summary = ctx.closing.find((t) => mentions(normalizeTokens(t.text), lookups, 'summary_cue'));
  if (summary) {
    pct += c.summary!;
    evidence.push({ turn: summary.n, text: summary.text, effect: '+', note: 'summed up what you learned' });
  }
  const advice =
    !intro && !purpose
      ? ctx.say(d.advice.no_opening!, { opening })
      : !purpose
        ? ctx.say(d.advice.no_purpose!, { opening })
        : !intro
          ? ctx.say(d.advice.no_intro!, { opening })
          : longOpening
            ? ctx.say(d.advice.long_opening!, { words: String(d.opening_words) })
            : saidOver && kept > 0
            ? ctx.say(d.advice.kept_going!)
            : resumeTurns.length
            ? ctx.say(d.advice.resume!)
            : bioTurns.length
              ? ctx.say(d.advice.profile!)
              : !thanks
                ? ctx.say(d.advice.no_thanks!)
                : !next
                  ? ctx.say(d.advice.no_next_step!)
                  : !summary
                    ? ctx.say(d.advice.no_summary!)
                    : !research
                      ? ctx.say(d.advice.no_research!)
                      : ctx.say(d.advice.good!);
  return { pct: Math.max(0, Math.round(pct)), evidence, advice };
}
