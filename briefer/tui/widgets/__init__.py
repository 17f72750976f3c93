"""One widget per module; each renders article text as `rich.text.Text`, never as markup."""
