/** The search box at the top of a list page: a labelled search field and its button; Enter searches at once. */
export function SearchBar({
  id,
  label,
  placeholder,
  buttonLabel,
  value,
  onChange,
  onSearch,
}: {
  id: string;
  label: string;
  placeholder: string;
  buttonLabel: string;
  value: string;
  onChange(value: string): void;
  onSearch(): void;
}) {
  return (
    <search className="search-bar">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSearch();
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          id={id}
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className="button">
          {buttonLabel}
        </button>
      </form>
    </search>
  );
}
