// The moderation pieces (owned by web/src/moderation/) as the dialogue's pages use them, in one place.
export { ModerationControls } from '../moderation/ModerationControls';
export { ReportButton } from '../moderation/ReportButton';
