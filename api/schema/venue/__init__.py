"""Rural cultural halls (农村文化礼堂)."""
