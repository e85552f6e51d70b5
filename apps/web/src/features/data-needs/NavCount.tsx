import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dataNeedCountQueries } from './count-queries';

export type NavCountKind = 'unreadReplies' | 'unanswered';

/**
 * The number next to a menu item, in words ("(1 nytt svar)") so it is read out, not only seen.
 * Nothing is shown when there is nothing waiting.
 */
export function NavCount({ kind }: { kind: NavCountKind }) {
  return kind === 'unreadReplies' ? <UnreadReplies /> : <Unanswered />;
}

function CountText({ kind, count }: { kind: NavCountKind; count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return <span className="nav-count"> ({t(`nav.${kind}`, { count })})</span>;
}

function UnreadReplies() {
  const query = useQuery(dataNeedCountQueries.unread());
  return <CountText kind="unreadReplies" count={query.data} />;
}

function Unanswered() {
  const query = useQuery(dataNeedCountQueries.stats());
  return <CountText kind="unanswered" count={query.data?.unanswered} />;
}
