import type { Clock } from '@sada/core';
import type { Database } from '@sada/db';
import { createAuthService } from './auth/auth.service.ts';
import { createCaseService } from './cases/case.service.ts';
import type { Config } from './config.ts';
import { createCustomerService } from './customers/customer.service.ts';
import { createPeopleService } from './people/people.service.ts';
import { createWorkspaceService } from './workspaces/workspace.service.ts';

export type ServiceDeps = { database: Database; clock: Clock; config: Config };

/** Every domain service, built once per process over one database. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps),
    people: createPeopleService(deps),
    customers: createCustomerService(deps),
    cases: createCaseService(deps),
    workspaces: createWorkspaceService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
