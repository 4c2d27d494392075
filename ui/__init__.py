"""What the pages share: sidebar, state, translations, formatting, chart builders."""
