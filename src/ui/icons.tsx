/** Inline icons: decorative, hidden from assistive technology; the control beside them carries the name. */

const iconProps = { class: 'icon', width: 16, height: 16, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: 'false' } as const;

export function SettingsIcon() {
  return (
    <svg {...iconProps}>
      <path
        fill="currentColor"
        d="M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Zm8.6 4.9-1.7-.2a7 7 0 0 1-.6 1.5l1 1.4a.8.8 0 0 1-.1 1l-1.4 1.4a.8.8 0 0 1-1 .1l-1.4-1a7 7 0 0 1-1.5.6l-.2 1.7a.8.8 0 0 1-.8.7h-2a.8.8 0 0 1-.8-.7l-.2-1.7a7 7 0 0 1-1.5-.6l-1.4 1a.8.8 0 0 1-1-.1l-1.4-1.4a.8.8 0 0 1-.1-1l1-1.4a7 7 0 0 1-.6-1.5l-1.7-.2a.8.8 0 0 1-.7-.8v-2c0-.4.3-.7.7-.8l1.7-.2c.1-.5.3-1 .6-1.5l-1-1.4a.8.8 0 0 1 .1-1l1.4-1.4a.8.8 0 0 1 1-.1l1.4 1c.5-.3 1-.5 1.5-.6l.2-1.7c.1-.4.4-.7.8-.7h2c.4 0 .7.3.8.7l.2 1.7c.5.1 1 .3 1.5.6l1.4-1a.8.8 0 0 1 1 .1l1.4 1.4c.3.3.3.7.1 1l-1 1.4c.3.5.5 1 .6 1.5l1.7.2c.4.1.7.4.7.8v2c0 .4-.3.7-.7.8Z"
      />
    </svg>
  );
}

export function UpIcon() {
  return (
    <svg {...iconProps}>
      <path fill="currentColor" d="M12 7.6 5.3 14.3l1.4 1.4L12 10.4l5.3 5.3 1.4-1.4L12 7.6Z" />
    </svg>
  );
}

export function DownIcon() {
  return (
    <svg {...iconProps}>
      <path fill="currentColor" d="M12 16.4 5.3 9.7l1.4-1.4 5.3 5.3 5.3-5.3 1.4 1.4-6.7 6.7Z" />
    </svg>
  );
}

export function RemoveIcon() {
  return (
    <svg {...iconProps}>
      <path fill="currentColor" d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Z" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg {...iconProps}>
      <path fill="currentColor" d="M6 2h8l6 6v14H4V2h2Zm7 1.5V9h5.5L13 3.5ZM11 12v4.2l-1.6-1.6L8 16l4 4 4-4-1.4-1.4-1.6 1.6V12h-2Z" />
    </svg>
  );
}
