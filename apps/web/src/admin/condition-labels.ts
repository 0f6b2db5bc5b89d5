import { useTranslation } from 'react-i18next';
import { useTriageSettings } from '../cases/triage-queries.ts';
import type { Team } from './admin-queries.ts';

/**
 * How a rule's or policy's condition value reads in the reader's language: "E-mail" for `email`,
 * a team's name for its id, a category's name for its id. One vocabulary for the routing rules'
 * and the SLA policies' summaries.
 */
export function useConditionValueLabel(teams: Team[]): (condition: string, value: string) => string {
  const { t, i18n } = useTranslation(['common', 'triage', 'routing']);
  const categories = useTriageSettings().data?.categories ?? [];
  const language = i18n.language === 'en' ? 'en' : 'ar';
  return (condition, value) => {
    switch (condition) {
      case 'priorities':
        return t(`common:priority.${value as 'P1'}`);
      case 'channels':
        return t(`common:channel.${value as 'email'}`);
      case 'kinds':
        return t(`common:kind.${value as 'complaint'}`);
      case 'teamIds':
        return teams.find((team) => team.id === value)?.name ?? '—';
      case 'categories':
        return categories.find((category) => category.id === value)?.names[language] ?? value;
      case 'languages':
        return value === 'other' ? t('routing:form.otherLanguage') : t(`common:languages.${value as 'ar'}`);
      case 'signals':
        return t(`triage:signals.${value as 'legal_threat'}`);
      default:
        return value;
    }
  };
}
