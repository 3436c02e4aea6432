/** The 14 board members in registry order (the order of probability columns everywhere). */
import type { BoardMember } from './types';
import { qar } from './qar';
import { narrativeForecaster } from './narrativeForecaster';
import { qstar } from './qstar';
import { antifragility } from './antifragility';
import { momentum } from './momentum';
import { meanReversion } from './meanReversion';
import { rsiMember } from './rsiMember';
import { macdMember } from './macdMember';
import { bollinger } from './bollinger';
import { donchian } from './donchian';
import { volatilityRegime } from './volatilityRegime';
import { volumePressure } from './volumePressure';
import { trendStrength } from './trendStrength';
import { seasonality } from './seasonality';

export type { BoardMember } from './types';

/** Roadmap components first (its four named ones, our stand-ins), then ten classical signals. */
export const MEMBERS: readonly BoardMember[] = [
  qar, narrativeForecaster, qstar, antifragility,
  momentum, meanReversion, rsiMember, macdMember, bollinger, donchian,
  volatilityRegime, volumePressure, trendStrength, seasonality,
];

export const MEMBER_IDS: readonly string[] = MEMBERS.map((m) => m.id);

/** The member with this id; throws a RangeError listing the valid ids. */
export function getMember(id: string): BoardMember {
  const m = MEMBERS.find((x) => x.id === id);
  if (!m) throw new RangeError(`invalid member id: "${id}" (expected one of ${MEMBER_IDS.join(', ')})`);
  return m;
}

export {
  qar, narrativeForecaster, qstar, antifragility, momentum, meanReversion, rsiMember, macdMember, bollinger,
  donchian, volatilityRegime, volumePressure, trendStrength, seasonality,
};
