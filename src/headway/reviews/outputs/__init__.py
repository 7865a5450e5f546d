"""What Headway writes out of the owner's data: the brag document, resume
bullets and JSON Resume, and the calendar feed (file formats in `exchange`)."""
