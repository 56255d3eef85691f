import type { ScriptService } from '../../services/script-service';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { pagedOf } from '../schemas/pagination';
import {
  questionBody, questionPatchBody, reorderBody, scriptCreateBody, scriptDto, scriptListQuery, scriptPatchBody, scriptQuestionParams,
} from '../schemas/script-schemas';

const CHANGE_RULE = 'creator or owner; only while every campaign using the script is a draft (owners: or pending)';

export function scriptRoutes(scripts: ScriptService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/scripts', tag: 'scripts', roles: STAFF, summary: 'List the scripts you may see, by name, paginated',
      query: scriptListQuery, response: pagedOf(scriptDto),
      handler: ({ actor, query }) => ({ ...scripts.list(actor, query), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: 'post', path: '/api/scripts', tag: 'scripts', roles: STAFF, summary: 'Create a script, optionally with its questions',
      body: scriptCreateBody, response: scriptDto,
      handler: ({ actor, body }) => scripts.create(actor, {
        ...body, questions: body.questions?.map((q) => ({ ...q, options: q.options ?? [] })),
      }),
    }),
    defineRoute({
      method: 'get', path: '/api/scripts/:id', tag: 'scripts', roles: STAFF, summary: 'One script with its questions in order',
      params: idParams, response: scriptDto,
      handler: ({ actor, params }) => scripts.get(actor, params.id),
    }),
    defineRoute({
      method: 'patch', path: '/api/scripts/:id', tag: 'scripts', roles: STAFF, summary: `Change name, sharing or guidance (${CHANGE_RULE})`,
      params: idParams, body: scriptPatchBody, response: scriptDto,
      handler: ({ actor, params, body }) => scripts.update(actor, params.id, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/scripts/:id', tag: 'scripts', roles: STAFF, summary: `Delete a script; draft campaigns using it lose it (${CHANGE_RULE})`,
      params: idParams,
      handler: ({ actor, params }) => { scripts.delete(actor, params.id); },
    }),
    defineRoute({
      method: 'post', path: '/api/scripts/:id/questions', tag: 'scripts', roles: STAFF, summary: 'Add a question at the end', status: 201,
      params: idParams, body: questionBody, response: scriptDto,
      handler: ({ actor, params, body }) => scripts.addQuestion(actor, params.id, { ...body, options: body.options ?? [] }),
    }),
    defineRoute({
      method: 'patch', path: '/api/scripts/:id/questions/:questionId', tag: 'scripts', roles: STAFF, summary: 'Change a question',
      params: scriptQuestionParams, body: questionPatchBody, response: scriptDto,
      handler: ({ actor, params, body }) => scripts.updateQuestion(actor, params.id, params.questionId, body),
    }),
    defineRoute({
      method: 'delete', path: '/api/scripts/:id/questions/:questionId', tag: 'scripts', roles: STAFF, summary: 'Delete a question',
      params: scriptQuestionParams, response: scriptDto, status: 200,
      handler: ({ actor, params }) => scripts.deleteQuestion(actor, params.id, params.questionId),
    }),
    defineRoute({
      method: 'put', path: '/api/scripts/:id/question-order', tag: 'scripts', roles: STAFF, summary: 'Reorder the questions: list every question id once, in the new order',
      params: idParams, body: reorderBody, response: scriptDto,
      handler: ({ actor, params, body }) => scripts.reorder(actor, params.id, body.questionIds),
    }),
  ];
}
