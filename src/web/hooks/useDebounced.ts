import { useEffect, useRef, useState } from 'react';

/** A text input value that reports changes after a pause in typing. */
export function useDebouncedInput(value: string, onCommit: (value: string) => void, delay = 300) {
  const [text, setText] = useState(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === last.current) return;
    const timer = setTimeout(() => {
      // The value may have caught up meanwhile (for example after "reset filters").
      if (text === last.current) return;
      last.current = text;
      commit.current(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return [text, setText] as const;
}
