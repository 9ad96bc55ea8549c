import { useEffect, useRef, useState } from 'react';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { ReplyOf } from '../../../main/contract/channels.ts';
import type { Outcome } from '../../../main/contract/results.ts';
import { api } from '../../api.ts';

export interface ReportQuery {
  journalDir: string;
  offset: number;
  limit: number;
  outcome: Outcome | undefined;
  text: string;
  language: 'en' | 'ru';
}

export interface ChatReportPage {
  /** The page on screen and the offset it was asked at; kept until the next one arrives. */
  shown: { offset: number; reply: ReplyOf<'pageResults'> } | undefined;
  problem: ProblemView | undefined;
}

/** The page of the report for a query; a reply to an older query than the last is dropped. */
export function useChatReport(query: ReportQuery): ChatReportPage {
  const [shown, setShown] = useState<ChatReportPage['shown']>();
  const [problem, setProblem] = useState<ProblemView | undefined>();
  const asked = useRef(0);
  const { journalDir, offset, limit, outcome, text, language } = query;
  useEffect(() => {
    const ticket = ++asked.current;
    void api()
      .pageResults({ journalDir, offset, limit, text, language, ...(outcome === undefined ? {} : { outcome }) })
      .then((reply) => {
        if (ticket !== asked.current) return;
        if (!reply.ok) return setProblem(reply.error);
        setProblem(undefined);
        setShown({ offset, reply: reply.value });
      });
  }, [journalDir, offset, limit, outcome, text, language]);
  return { shown, problem };
}
