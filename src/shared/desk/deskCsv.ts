import type { DeskAnalytics, Durations } from './deskAnalytics.ts';

/**
 * The desk's figures as CSV (RFC 4180, comma-separated, CRLF), one table after
 * another with a blank line between, for a spreadsheet. Questions answered
 * automatically are left out unless the desk answers by itself. Durations are in
 * minutes; people are named by username (without "@", which a spreadsheet
 * reads as a formula) where known.
 */

export interface CsvLabels {
  readonly figure: string;
  readonly value: string;
  readonly questions: string;
  readonly solved: string;
  readonly answeredAutomatically: string;
  readonly solvedByFeedback: string;
  readonly firstResponseMedian: string;
  readonly firstResponseP90: string;
  readonly timeToSolvedMedian: string;
  readonly timeToSolvedP90: string;
  readonly date: string;
  readonly weekOf: string;
  readonly openQuestion: string;
  readonly askedAt: string;
  readonly askedBy: string;
  readonly ageMinutes: string;
  readonly link: string;
  readonly onDuty: string;
  readonly periodStart: string;
  readonly word: string;
  readonly tag: string;
  readonly asker: string;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Minutes to the hundredth: a first response within seconds still shows. */
const minutes = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms / 600) / 100);

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');
}

export function deskAnalyticsCsv(
  analytics: DeskAnalytics,
  labels: CsvLabels,
  nameOf: (userId: string) => string,
  linkTo: (postId: string) => string,
  withAutomaticAnswers = false,
): string {
  const durations = (median: string, p90: string, value: Durations) => [
    [median, minutes(value.medianMs)],
    [p90, minutes(value.p90Ms)],
  ];
  return [
    table(
      [labels.figure, labels.value],
      [
        [labels.questions, analytics.questions],
        [labels.solved, analytics.solved],
        ...(withAutomaticAnswers
          ? [
              [labels.answeredAutomatically, analytics.answeredAutomatically],
              [labels.solvedByFeedback, analytics.solvedByFeedback],
            ]
          : []),
        ...durations(labels.firstResponseMedian, labels.firstResponseP90, analytics.firstResponse),
        ...durations(labels.timeToSolvedMedian, labels.timeToSolvedP90, analytics.timeToSolved),
      ],
    ),
    table([labels.date, labels.questions], analytics.perDay.map((day) => [day.date, day.questions])),
    table([labels.weekOf, labels.questions], analytics.perWeek.map((week) => [week.weekOf, week.questions])),
    table(
      [labels.periodStart, labels.onDuty, labels.questions, labels.solved, labels.firstResponseMedian],
      // Whoever runs the desk is no one person: no table then.
      analytics.onDutyPeriods.filter((period) => period.userId !== undefined).map((period) => [
        period.firstDay,
        period.userId === undefined ? '' : nameOf(period.userId),
        period.questions,
        period.solved,
        minutes(period.firstResponse.medianMs),
      ]),
    ),
    table([labels.asker, labels.questions], analytics.topAskers.map((asker) => [nameOf(asker.userId), asker.questions])),
    table([labels.word, labels.questions], analytics.commonWords.map((word) => [word.word, word.questions])),
    table([labels.tag, labels.questions], analytics.commonTags.map((tag) => [tag.tag, tag.questions])),
    table(
      [labels.openQuestion, labels.askedAt, labels.askedBy, labels.ageMinutes, labels.link],
      analytics.open.map((question) => [
        question.message,
        new Date(question.createAt).toISOString(),
        nameOf(question.askerId),
        minutes(question.ageMs),
        linkTo(question.id),
      ]),
    ),
  ].join('\r\n\r\n') + '\r\n';
}
