import { AppError } from '@sada/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newNonce, type PageLanguage, sendPage } from '../public/pages/page-context.ts';
import { acceptFormPosts, sendInvalidLink, signedLinkParams } from '../public/pages/page-replies.ts';
import {
  COMMENT_MAX_LENGTH,
  renderSurveyPage,
  SURVEY_STRINGS,
  type SurveyFormProblem,
  type SurveyPageState,
} from '../public/pages/survey.page.ts';
import type { SurveyPageView, SurveyService } from './survey.service.ts';

const params = signedLinkParams;
// Query parameters never fail a page: an unknown language is ignored.
const query = z.object({ lang: z.enum(['ar', 'en']).optional().catch(undefined) });
const answerBody = z
  .object({
    rating: z.string().optional(),
    comment: z.string().optional(),
    nps: z.string().optional(),
  })
  .catch({});

/** What the survey's state lets the page show. */
function stateOf(view: SurveyPageView): SurveyPageState {
  const { survey } = view;
  switch (survey.status) {
    case 'scheduled':
    case 'sent':
      return { kind: 'form', askNps: view.askNps };
    case 'answered':
      return survey.answeredVia === 'button' && !survey.comment && survey.rating
        ? { kind: 'comment', rating: survey.rating }
        : { kind: 'answered' };
    default:
      return { kind: 'closed' };
  }
}

/**
 * The customer's satisfaction survey (`/w/:workspace/survey/:token`), server-rendered, no login: the
 * signed token in the address is the capability (the same as the status page), answers post to the
 * same address as a plain form, and the page's policy allows posting only to this site.
 */
export const surveyPageRoutes: FastifyPluginAsyncZod<{ surveys: SurveyService }> = async (
  app,
  { surveys },
) => {
  acceptFormPosts(app);

  function sendInvalid(reply: FastifyReply, language: PageLanguage) {
    const both = (key: 'invalidTitle' | 'invalid') => ({
      ar: SURVEY_STRINGS.ar[key],
      en: SURVEY_STRINGS.en[key],
    });
    return sendInvalidLink(reply, language, { title: both('invalidTitle'), body: both('invalid') });
  }

  async function viewOf(slug: string, token: string) {
    try {
      return await surveys.viewByToken({ slug, token });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'unauthorized' || error.code === 'not_found'))
        return null;
      throw error;
    }
  }

  function sendSurvey(
    reply: FastifyReply,
    o: {
      view: SurveyPageView;
      language: PageLanguage;
      token: string;
      state: SurveyPageState;
      values?: { rating?: string; comment?: string; nps?: string };
      problem?: SurveyFormProblem | null;
      status?: number;
    },
  ) {
    const nonce = newNonce();
    const html = renderSurveyPage({
      workspace: o.view.workspace,
      language: o.language,
      nonce,
      token: o.token,
      reference: o.view.reference,
      state: o.state,
      values: o.values ?? {},
      problem: o.problem ?? null,
    });
    return sendPage(reply, {
      html,
      policy: { nonce },
      status: o.status ?? 200,
      language: o.language,
      isPrivate: true,
    });
  }

  app.get(
    '/w/:workspace/survey/*',
    { schema: { hide: true, params, querystring: query } },
    async (request, reply) => {
      const { workspace, '*': token } = request.params;
      const view = await viewOf(workspace, token);
      if (!view) return sendInvalid(reply, request.query.lang ?? 'ar');
      const language = request.query.lang ?? view.language;
      return sendSurvey(reply, { view, language, token, state: stateOf(view) });
    },
  );

  app.post(
    '/w/:workspace/survey/*',
    { schema: { hide: true, params, querystring: query, body: answerBody } },
    async (request, reply) => {
      const { workspace, '*': token } = request.params;
      const view = await viewOf(workspace, token);
      if (!view) return sendInvalid(reply, request.query.lang ?? 'ar');
      const language = request.query.lang ?? view.language;
      const state = stateOf(view);
      const values = {
        rating: request.body.rating?.trim() ?? '',
        comment: request.body.comment ?? '',
        nps: request.body.nps?.trim() ?? '',
      };
      const comment = values.comment.trim();
      const rating = /^[1-5]$/.test(values.rating) ? Number(values.rating) : null;
      const nps = view.askNps && /^(10|[0-9])$/.test(values.nps) ? Number(values.nps) : null;
      let problem: SurveyFormProblem | null = null;
      if (comment.length > COMMENT_MAX_LENGTH) problem = 'commentTooLong';
      else if (state.kind === 'form' && rating === null) problem = 'chooseRating';
      else if (state.kind === 'comment' && comment === '') problem = 'commentNeeded';
      if (problem) return sendSurvey(reply, { view, language, token, state, values, problem, status: 422 });
      const outcome = await surveys.answerByToken({
        slug: workspace,
        token,
        rating,
        nps,
        comment: comment === '' ? null : comment,
      });
      switch (outcome) {
        case 'answered':
        case 'comment_added':
          return sendSurvey(reply, { view, language, token, state: { kind: 'thanks' } });
        case 'already_answered':
          return sendSurvey(reply, { view, language, token, state: { kind: 'answered' }, status: 409 });
        case 'closed':
          return sendSurvey(reply, { view, language, token, state: { kind: 'closed' }, status: 410 });
      }
    },
  );
};
