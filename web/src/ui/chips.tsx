import { useReference } from '../reference/reference';

/** Black or white text, whichever contrasts best with a background colour (#RRGGBB). */
export function textColourOn(background: string): string {
  const hex = background.replace('#', '');
  if (hex.length !== 6) return '#000';
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // contrast with white: 1.05 / (L + 0.05); with black: (L + 0.05) / 0.05
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#fff' : '#000';
}

/** An SDG as a chip in its official colour, with its number and (unless compact) its name. */
export function SdgChip({ number, compact = false }: { number: number; compact?: boolean }) {
  const { sdg, sdgLabel } = useReference();
  const colour = sdg(number)?.color ?? '#555f6d';
  const label = sdgLabel(number);
  return (
    <span
      className={`chip chip-sdg${compact ? ' chip-compact' : ''}`}
      style={{ background: colour, color: textColourOn(colour) }}
      title={compact ? label : undefined}
    >
      <span className="chip-sdg-number">{number}</span>
      {compact ? <span className="visually-hidden">{label}</span> : <span>{label}</span>}
    </span>
  );
}

/** A small badge in a colour (an SDG's number before its name in a list of options); decorative. */
export function Swatch({ colour, children }: { colour: string; children: React.ReactNode }) {
  return (
    <span className="facet-swatch" aria-hidden="true" style={{ background: colour, color: textColourOn(colour) }}>
      {children}
    </span>
  );
}

export function Chip({ children }: { children: React.ReactNode }) {
  return <span className="chip">{children}</span>;
}
