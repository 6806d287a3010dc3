import type { TagChip as Tag } from '../../../common/model/mirror';
import { chipColors } from './colors';

/** A tag in Kommo's colour (hex without '#'); text colour chosen for contrast. */
export function TagChip({ tag }: { tag: Pick<Tag, 'name' | 'color'> }) {
  return (
    <span className="chip" style={chipColors(tag.color)}>
      {tag.name}
    </span>
  );
}

export function TagChips({ tags, max = 3 }: { tags: readonly Tag[]; max?: number }) {
  const shown = tags.slice(0, max);
  return (
    <span className="chips">
      {shown.map((tag) => (
        <TagChip key={tag.id} tag={tag} />
      ))}
      {tags.length > max && (
        <span
          className="chip chip-more"
          title={tags
            .slice(max)
            .map((tag) => tag.name)
            .join(', ')}
        >
          +{tags.length - max}
        </span>
      )}
    </span>
  );
}
