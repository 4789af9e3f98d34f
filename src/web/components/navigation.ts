import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconArrowsExchange,
  IconAward,
  IconBell,
  IconBriefcase,
  IconBuilding,
  IconBuildingBank,
  IconBuildingCommunity,
  IconBuildingHospital,
  IconCalendarEvent,
  IconCertificate,
  IconChartBar,
  IconClipboardCheck,
  IconClockHour4,
  IconClockShield,
  IconCoinEuro,
  IconDoor,
  IconFileCertificate,
  IconHome,
  IconInbox,
  IconListDetails,
  IconMail,
  IconMailOpened,
  IconMessages,
  IconSettings,
  IconUser,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { MeAbility } from '../../shared/auth';
import type { Me } from '../api/types';

export type NavItem = { to: string; labelKey: string; icon: typeof IconHome; end?: boolean };

/** The navigation is built from the caller's abilities, never from role names. */
export function navItemsFor(me: Me): NavItem[] {
  const can = (a: MeAbility) => me.abilities[a] === true;
  // Every signed-in user has a notification centre (issue 12 §4), whatever the role: no ability gates it.
  const items: NavItem[] = [
    { to: '/', labelKey: 'nav.home', icon: IconHome, end: true },
    { to: '/notifications', labelKey: 'nav.notifications', icon: IconBell },
  ];
  // The request-to-deployment cycle: requests, offers and deployments, named for who is looking.
  if (can('requests.list'))
    items.push({
      to: '/requests',
      labelKey: me.partnerId ? 'coordination.nav.myRequests' : 'coordination.nav.requests',
      icon: IconInbox,
    });
  if (can('offers.viewOwn'))
    items.push({ to: '/my/offers', labelKey: 'coordination.nav.myOffers', icon: IconMailOpened });
  if (can('assignments.list'))
    items.push({
      to: '/assignments',
      labelKey: me.guideId ? 'coordination.nav.myAssignments' : 'coordination.nav.assignments',
      icon: IconBriefcase,
    });
  if (can('guides.list')) items.push({ to: '/guides', labelKey: 'nav.guides', icon: IconUsersGroup });
  if (can('recruitment.manage')) items.push({ to: '/recruitment', labelKey: 'nav.recruitment', icon: IconUserPlus });
  if (can('guides.viewOwn') && me.guideId)
    items.push({ to: `/guides/${me.guideId}`, labelKey: 'nav.myProfile', icon: IconUser });
  if (can('timesheets.own')) items.push({ to: '/my/hours', labelKey: 'nav.timesheet', icon: IconClockHour4 });
  if (can('timesheets.manage')) {
    items.push({ to: '/time-sheets', labelKey: 'nav.timeSheetQueue', icon: IconClipboardCheck });
    items.push({ to: '/hour-allowances', labelKey: 'nav.allowances', icon: IconCoinEuro });
    items.push({ to: '/team-budget', labelKey: 'nav.teamBudget', icon: IconArrowsExchange });
  }
  if (can('messages.manage')) items.push({ to: '/messages', labelKey: 'messages.nav', icon: IconMessages });
  if (can('messages.own')) items.push({ to: '/my/messages', labelKey: 'messages.nav', icon: IconMessages });
  if (can('events.list')) items.push({ to: '/calendar', labelKey: 'events.nav', icon: IconCalendarEvent });
  if (can('courses.list')) items.push({ to: '/courses', labelKey: 'nav.courses', icon: IconCertificate });
  if (can('courses.own')) items.push({ to: '/my/courses', labelKey: 'courses.mine.nav', icon: IconCertificate });
  if (can('rooms.manage')) items.push({ to: '/rooms', labelKey: 'nav.rooms', icon: IconDoor });
  if (can('reports.office')) items.push({ to: '/reports', labelKey: 'nav.reports', icon: IconChartBar });
  if (can('expenses.own')) items.push({ to: '/my/expenses', labelKey: 'nav.myExpenses', icon: IconCoinEuro });
  if (can('expenses.manage')) items.push({ to: '/expenses', labelKey: 'nav.expenses', icon: IconCoinEuro });
  if (can('recognition.manage')) items.push({ to: '/recognition', labelKey: 'nav.recognition', icon: IconAward });
  if (can('recognition.viewOwn'))
    items.push({ to: '/my/statements', labelKey: 'nav.myStatements', icon: IconFileCertificate });
  if (can('partners.list')) items.push({ to: '/partners', labelKey: 'nav.partners', icon: IconAddressBook });
  if (can('partners.viewOwn') && me.partnerId)
    items.push({ to: `/partners/${me.partnerId}`, labelKey: 'nav.myOrganisation', icon: IconBuildingCommunity });
  if (can('services.manage'))
    items.push({ to: '/services', labelKey: 'coordination.nav.services', icon: IconBuildingHospital });
  if (can('settings.manage'))
    items.push({
      to: '/matching-settings',
      labelKey: 'coordination.nav.matchingSettings',
      icon: IconAdjustmentsHorizontal,
    });
  if (can('settings.manage') || can('users.manage'))
    items.push({ to: '/settings', labelKey: 'nav.settings', icon: IconSettings });
  if (can('land.view')) items.push({ to: '/land', labelKey: 'nav.land', icon: IconChartBar });
  if (can('offices.manage')) items.push({ to: '/admin/offices', labelKey: 'nav.offices', icon: IconBuilding });
  if (can('programmes.manage'))
    items.push({ to: '/admin/programmes', labelKey: 'nav.programmes', icon: IconBuildingBank });
  if (can('outbox.read')) items.push({ to: '/outbox', labelKey: 'nav.outbox', icon: IconMail });
  if (can('audit.read')) items.push({ to: '/audit', labelKey: 'nav.audit', icon: IconListDetails });
  if (can('retention.manage')) items.push({ to: '/retention', labelKey: 'retention.nav', icon: IconClockShield });
  return items;
}
