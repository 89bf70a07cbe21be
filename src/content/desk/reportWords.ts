import type { ReportWords } from '../../shared/desk/weeklyReport.ts';
import { t } from '../../shared/i18n.ts';
import browser from 'webextension-polyfill';
import { durationText } from '../../ui/durationText.ts';

/** The weekly report's words in the extension's language. */
export function reportWordsInUiLanguage(): ReportWords {
  const locale = browser.i18n.getUILanguage();
  return {
    title: (firstDay, lastDay) => t('deskReportTitle', [firstDay, lastDay]),
    figure: t('deskReportFigure'),
    value: t('deskReportValue'),
    questions: t('deskReportQuestions'),
    solved: t('deskReportSolved'),
    open: t('deskReportOpen'),
    answeredAutomatically: t('deskReportAnsweredAutomatically'),
    solvedByFeedback: t('deskReportSolvedByFeedback'),
    firstResponseMedian: t('deskReportFirstResponseMedian'),
    firstResponseP90: t('deskReportFirstResponseP90'),
    timeToSolvedMedian: t('deskReportTimeToSolvedMedian'),
    timeToSolvedP90: t('deskReportTimeToSolvedP90'),
    commonTags: t('deskReportCommonTags'),
    duration: (ms) => durationText(ms, locale),
  };
}
