import type { SignalWire } from '@harbor/wire';
import { Flex, Heading, Text } from '@hubspot/ui-extensions';

import type { TextTools } from './company-text.ts';
import { SignalTile, type SignalCommandRunner } from './SignalTile.tsx';

/** The company's open signals, risks first as the service orders them, each with what a CSM can do about it. */
export function SignalsSection({
  signals,
  now,
  currency,
  onCommand,
  tools,
}: {
  signals: readonly SignalWire[];
  now: Date;
  currency: string | null;
  onCommand: SignalCommandRunner;
  tools: TextTools;
}) {
  const { t } = tools;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{t('signal.section.title')}</Heading>
      {signals.length === 0 ? (
        <Flex direction="column" gap="xs">
          <Text testId="signals-empty">{t('signal.section.empty')}</Text>
          <Text variant="microcopy">{t('signal.section.emptyHint')}</Text>
        </Flex>
      ) : (
        signals.map((signal) => (
          <SignalTile
            key={signal.id}
            signal={signal}
            now={now}
            currency={currency}
            onCommand={onCommand}
            tools={tools}
          />
        ))
      )}
    </Flex>
  );
}
