"""Small widgets shared by the pages: cards, buttons, empty states, the toast, form fields."""
